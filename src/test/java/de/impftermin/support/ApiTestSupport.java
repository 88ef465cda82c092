package de.impftermin.support;

import de.impftermin.verification.Verifications;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What most API tests need, ready in every test: {@link #api} (anonymous), {@link #admin}, {@link #citizens},
 * {@link #jdbc} for checks in SQL and the {@link #invariants}. Subclasses still carry {@link IntegrationTest}.
 */
public abstract class ApiTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Verifications verifications;

    protected Api api;
    protected Api admin;
    protected Citizens citizens;
    protected Invariants invariants;

    @BeforeEach
    void setUpApi() {
        api = Api.on(port);
        admin = api.asAdmin();
        citizens = new Citizens(api, jdbc, verifications);
        invariants = new Invariants(jdbc);
    }

    protected int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
