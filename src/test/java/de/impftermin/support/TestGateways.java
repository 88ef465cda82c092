package de.impftermin.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Part of the one shared test context (see {@link IntegrationTest}): the SMS gateway that tests can route. */
@TestConfiguration(proxyBeanMethods = false)
class TestGateways {

    @Bean
    @Primary
    SmsRoutes smsRoutes() {
        return new SmsRoutes();
    }
}
