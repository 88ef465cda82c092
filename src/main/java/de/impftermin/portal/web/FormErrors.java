package de.impftermin.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The problems of a submitted form in plain language, per field id, in the order of the form: shown next to each
 * field and as the error summary at the top, whose links lead to the fields.
 */
public class FormErrors {

    public record Problem(String field, String message) {}

    private final MessageSource messages;
    private final Map<String, String> byField = new LinkedHashMap<>();

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Adds the message {@code key}; a key missing from the message files fails loudly instead of showing itself. */
    FormErrors add(String field, String key, Object... args) {
        byField.putIfAbsent(field, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String message(String field) {
        return byField.getOrDefault(field, "");
    }

    public List<Problem> all() {
        List<Problem> all = new ArrayList<>();
        byField.forEach((field, message) -> all.add(new Problem(field, message)));
        return all;
    }
}
