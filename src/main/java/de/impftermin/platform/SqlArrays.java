package de.impftermin.platform;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Binds a Java array as one PostgreSQL array parameter ({@code = any(:ids)}, {@code unnest(...)}) instead of letting
 * named-parameter expansion turn it into a list of placeholders: one statement plan for any number of values.
 */
public final class SqlArrays {

    private SqlArrays() {}

    public static AbstractSqlTypeValue of(String elementType, Object[] values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection con, int sqlType, String typeName) throws SQLException {
                return con.createArrayOf(elementType, values);
            }
        };
    }
}
