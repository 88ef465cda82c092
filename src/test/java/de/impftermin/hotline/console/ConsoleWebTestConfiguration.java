package de.impftermin.hotline.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * What the console's {@code @WebMvcTest} slices need beyond the controllers: the role checks on the controllers
 * ({@code @PreAuthorize}), the templates' formats and a fixed clock (1 March 2022, 08:00 UTC).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableMethodSecurity
@Import(ConsoleFormats.class)
class ConsoleWebTestConfiguration {

    /** The app's overload filter, which a page slice does not need (and whose limits it lacks). */
    static final String NOT_IN_SLICE = "de\\.impftermin\\.platform\\.OverloadProtection";

    static final Instant NOW = Instant.parse("2022-03-01T08:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
