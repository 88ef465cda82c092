package de.impftermin.notifications;

/** How a message reaches a person. */
public enum MessageChannel {
    SMS,
    EMAIL
}
