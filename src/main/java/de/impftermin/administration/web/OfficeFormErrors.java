package de.impftermin.administration.web;

import java.util.ArrayList;
import java.util.List;

/** The errors of an office form, in the shape the portal's error-summary fragment reads. */
final class OfficeFormErrors {

    /** One error: the field it belongs to (its element id) and what to do. */
    record Problem(String field, String message) {}

    private final List<Problem> problems = new ArrayList<>();

    OfficeFormErrors add(String field, String message) {
        problems.add(new Problem(field, message));
        return this;
    }

    public boolean any() {
        return !problems.isEmpty();
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public String message(String field) {
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .map(Problem::message)
                .findFirst()
                .orElse("");
    }
}
