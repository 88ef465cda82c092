package de.impftermin.support;

import de.impftermin.notifications.gateway.LocalSmsGateway;
import de.impftermin.notifications.gateway.SmsGateway;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SMS gateway of the integration tests: the local gateway, as in the default run, except for the numbers a test
 * routes to a gateway of its own (a real {@code HttpSmsGateway} against a fake provider). Routing by number keeps
 * tests that share the one context from seeing each other's failures.
 */
public final class SmsRoutes implements SmsGateway {

    private final SmsGateway local = new LocalSmsGateway();
    private final Map<String, SmsGateway> routes = new ConcurrentHashMap<>();

    public void route(String to, SmsGateway gateway) {
        routes.put(to, gateway);
    }

    public void unroute(String to) {
        routes.remove(to);
    }

    @Override
    public void send(String to, String text) throws Exception {
        routes.getOrDefault(to, local).send(to, text);
    }
}
