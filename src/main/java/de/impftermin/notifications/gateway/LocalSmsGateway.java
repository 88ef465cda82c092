package de.impftermin.notifications.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The development gateway: the SMS goes nowhere but the log and the local inbox page (from the outbox). */
public class LocalSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LocalSmsGateway.class);

    @Override
    public void send(String to, String text) {
        log.info("SMS to {}: {}", to, text);
    }
}
