package de.impftermin.notifications.gateway;

/**
 * A gateway refused a message in a way no retry can cure (an unknown number, a rejected address): the dispatcher
 * gives up on it at once instead of trying again.
 */
public class PermanentDeliveryFailure extends Exception {

    public PermanentDeliveryFailure(String message) {
        super(message);
    }
}
