package de.impftermin.hotline;

import java.util.UUID;

/** A request an agent has just taken: whom to call, and how often the caller was tried already. */
public record TakenCallBack(UUID id, String phone, String postalCode, int persons, int attempts) {}
