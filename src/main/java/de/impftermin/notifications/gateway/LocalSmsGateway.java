package de.impftermin.notifications.gateway;

/**
 * The development gateway: the SMS goes nowhere. The local inbox page shows it from the outbox, where the dispatcher
 * keeps what it sent; the log gets nothing of it, since recipient and text (codes, names) are personal data.
 */
public class LocalSmsGateway implements SmsGateway {

    @Override
    public void send(String to, String text) {
        // kept in the outbox for the local inbox; nothing to hand over
    }
}
