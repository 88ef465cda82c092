package de.impftermin.notifications.gateway;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Chooses the real parts: SMTP from {@code spring.mail.*} when a host is set, otherwise an embedded GreenMail SMTP
 * server (the default local run and the tests); the HTTP SMS provider when {@code impftermin.sms.url} is set,
 * otherwise the local gateway.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    SmsGateway smsGateway(
            @Value("${impftermin.sms.url:}") String url,
            @Value("${impftermin.sms.body-template:{\"to\":\"{to}\",\"text\":\"{text}\"}}") String template,
            @Value("${impftermin.sms.username:}") String username,
            @Value("${impftermin.sms.password:}") String password) {
        if (url.isBlank()) {
            return new LocalSmsGateway();
        }
        return new HttpSmsGateway(
                URI.create(url), template, username.isBlank() ? null : username, password.isBlank() ? null : password);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    static class EmbeddedSmtp {

        @Bean(initMethod = "start", destroyMethod = "stop")
        GreenMail greenMail(@Value("${impftermin.mail.embedded-port:0}") int port) {
            ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            return new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        }

        @Bean
        JavaMailSender mailSender(GreenMail greenMail) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(greenMail.getSmtp().getPort());
            sender.setDefaultEncoding("UTF-8");
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
            sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
            return sender;
        }
    }
}
