package testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect identity provider for the tests (Spring Authorization Server), standing in for a state's
 * Keycloak: its own small Spring context on a random port, outside the application's packages so that the
 * application never scans it. Users and the claims their ID tokens carry are given at start.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "impftermin";
    public static final String CLIENT_SECRET = "test-client-secret";

    /** A person at the identity provider and the claims added to their ID token. */
    public record Person(String username, String password, Map<String, Object> claims) {}

    private final ConfigurableApplicationContext context;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static TestIdentityProvider start(List<Person> people) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("people", new People(people)))
                .properties(
                        "server.port=0",
                        "spring.config.name=test-identity-provider",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run();
        return new TestIdentityProvider(context);
    }

    /** Where the application finds the provider: {@code localhost}, so its cookies stay apart from the app's. */
    public String issuer() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Registers the application's redirect address, once its port is known. */
    public void allowRedirectTo(String redirectUri) {
        context.getBean(InMemoryRegisteredClientRepository.class).save(client(redirectUri));
    }

    @Override
    public void close() {
        context.close();
    }

    static RegisteredClient client(String redirectUri) {
        return RegisteredClient.withId("impftermin-client")
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    record People(List<Person> all) {}

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class
    })
    static class Config {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .exceptionHandling(
                            ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        InMemoryRegisteredClientRepository registeredClients() {
            return new InMemoryRegisteredClientRepository(client("http://127.0.0.1/staff/login/oauth2/code/state"));
        }

        @Bean
        UserDetailsService users(People people) {
            return new InMemoryUserDetailsManager(people.all().stream()
                    .map(p -> User.withUsername(p.username())
                            .password("{noop}" + p.password())
                            .roles("USER")
                            .build())
                    .toList());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(People people) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String username = context.getPrincipal().getName();
                    context.getClaims().claim("preferred_username", username);
                    people.all().stream()
                            .filter(p -> p.username().equals(username))
                            .findFirst()
                            .ifPresent(p -> p.claims().forEach(context.getClaims()::claim));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the provider's own OIDC user-info endpoint; the application never calls it (scope openid only). */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
