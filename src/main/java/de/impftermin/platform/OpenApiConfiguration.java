package de.impftermin.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI impfterminOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Impftermin API")
                        .version("v1")
                        .description("Booking of mass-vaccination appointments. Errors are application/problem+json "
                                + "(RFC 9457) with a machine-readable `code`."))
                .components(new Components()
                        .addSecuritySchemes(
                                "staff",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")));
    }
}
