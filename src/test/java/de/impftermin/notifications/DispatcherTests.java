package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.notifications.gateway.PermanentDeliveryFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class DispatcherTests {

    @Test
    void givesUpAtOnceOnRefusalsNoRetryCanCure() throws Exception {
        assertThat(Dispatcher.isPermanent(new PermanentDeliveryFailure("unknown number")))
                .isTrue();
        SendFailedException rejected = new SendFailedException(
                "550 no such user", null, null, null, new InternetAddress[] {new InternetAddress("x@example.org")});
        assertThat(Dispatcher.isPermanent(new MailSendException(Map.of(new Object(), rejected))))
                .isTrue();
    }

    @Test
    void retriesWhatMayWorkLater() {
        assertThat(Dispatcher.isPermanent(new IllegalStateException("SMS gateway answered 503")))
                .isFalse();
        assertThat(Dispatcher.isPermanent(new IOException("timeout", new ConnectException())))
                .isFalse();
        assertThat(Dispatcher.isPermanent(
                        new MailSendException(Map.of(new Object(), new MessagingException("connection refused")))))
                .isFalse();
    }
}
