package de.impftermin.benchmark;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where PostgreSQL spends its time in a scenario, from {@code pg_stat_statements} (the embedded PostgreSQL preloads
 * it): reset at the start, the statements with the most execution time at the end, per booked series.
 */
final class Statements {

    private Statements() {}

    static void reset(JdbcClient jdbc) {
        jdbc.sql("create extension if not exists pg_stat_statements").update();
        jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
    }

    /** A Markdown table of the {@code limit} statements with the most execution time, with calls per series. */
    static String top(JdbcClient jdbc, long series, int limit) {
        record Row(long calls, double totalMs, double meanMs, long rows, String query) {}
        List<Row> rows = jdbc.sql("""
                        select calls, total_exec_time, mean_exec_time, rows,
                               regexp_replace(left(query, 90), '\\s+', ' ', 'g')
                        from pg_stat_statements
                        where query not like '%pg_stat_statements%'
                        order by total_exec_time desc limit ?
                        """)
                .param(limit)
                .query((rs, n) ->
                        new Row(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)))
                .list();
        double all = jdbc.sql("select coalesce(sum(total_exec_time), 0) from pg_stat_statements")
                .query(Double.class)
                .single();
        long calls = jdbc.sql("select coalesce(sum(calls), 0) from pg_stat_statements")
                .query(Long.class)
                .single();
        StringBuilder table = new StringBuilder(String.format(
                "PostgreSQL (pg_stat_statements): %,d statements, %.1f per series, execution %.0f ms in all,"
                        + " %.3f ms per series; the %d with the most time:%n%n",
                calls, calls / (double) Math.max(1, series), all, all / Math.max(1, series), limit));
        table.append("| calls | per series | total ms | mean ms | rows | statement |\n|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append(String.format(
                    "| %,d | %.2f | %.0f | %.3f | %,d | `%s` |%n",
                    row.calls(),
                    row.calls() / (double) Math.max(1, series),
                    row.totalMs(),
                    row.meanMs(),
                    row.rows(),
                    row.query().replace("|", "\\|")));
        }
        return table.toString();
    }
}
