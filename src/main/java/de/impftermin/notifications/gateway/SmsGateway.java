package de.impftermin.notifications.gateway;

/** Sends one SMS or throws; the dispatcher retries. */
public interface SmsGateway {

    void send(String to, String text) throws Exception;
}
