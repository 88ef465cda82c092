package de.impftermin.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/** German by default; {@code ?lang=en} or {@code ?lang=de} switches and is remembered in a cookie for a year. */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

    static final Set<String> LANGUAGES = Set.of("de", "en");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("impf_lang");
        resolver.setDefaultLocale(Locale.GERMAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
                        String lang = request.getParameter("lang");
                        if (lang != null && LANGUAGES.contains(lang)) {
                            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                            if (resolver != null) {
                                resolver.setLocale(request, response, Locale.of(lang));
                            }
                        }
                        return true;
                    }
                })
                .excludePathPatterns("/api/**");
    }
}
