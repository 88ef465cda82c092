package de.impftermin.waitlist;

/**
 * The people waiting for a centre: {@code persons} in all registrations still waiting that name it, {@code admitted}
 * of them meeting a given eligibility rule (each person on their own; a household may be partly admitted).
 */
public record WaitingPeople(int persons, int admitted) {}
