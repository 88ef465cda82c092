package de.impftermin.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The problems of a submitted form in plain language, per field id, in the order of the form: shown next to each
 * field and as the error summary at the top, whose links lead to the fields. One class for every page (portal, staff
 * sign-in, consoles), so that the error-summary fragments read one shape. Messages come from the message files in
 * the page's language; a key missing there fails loudly instead of showing itself to a citizen.
 */
public final class FormErrors {

    /** One problem: the element id of the field it belongs to and what to do. */
    public record Problem(String field, String message) {}

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final MessageSource messages;
    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The problems of a bound form in reading order ({@code fieldOrder}, a list's rows at the list's place); each
     * constraint's message is a message key, given the person's number (1-based) as its argument. A value that could
     * not be bound at all reads {@code invalidKey}.
     */
    public static FormErrors of(
            BindingResult result, List<String> fieldOrder, String invalidKey, MessageSource messages) {
        FormErrors errors = new FormErrors(messages);
        List<FieldError> sorted = new ArrayList<>(result.getFieldErrors());
        sorted.sort((a, b) -> Integer.compare(position(a, fieldOrder), position(b, fieldOrder)));
        for (FieldError error : sorted) {
            Matcher index = INDEX.matcher(error.getField());
            int person = index.find() ? Integer.parseInt(index.group(1)) + 1 : 1;
            String key = error.isBindingFailure() || error.getDefaultMessage() == null
                    ? invalidKey
                    : error.getDefaultMessage();
            errors.add(id(error.getField()), key, person);
        }
        return errors;
    }

    /** Adds the message {@code key} for {@code field}, unless the field has a problem already. */
    public FormErrors add(String field, String key, Object... args) {
        byField.putIfAbsent(field, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
        return this;
    }

    /** The element id of a field path: {@code persons[1].birthDate} becomes {@code persons1-birthDate}. */
    public static String id(String field) {
        return field.replace("[", "").replace("]", "").replace('.', '-');
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

    /** Reading order: the fields as listed, a list's rows one after the other at the list's place. */
    private static int position(FieldError error, List<String> order) {
        String generic = error.getField().replaceAll("\\[\\d+]", "[]");
        int at = order.indexOf(generic);
        if (at < 0) {
            return Integer.MAX_VALUE;
        }
        Matcher index = INDEX.matcher(error.getField());
        if (!index.find()) {
            return at * 1000;
        }
        int firstOfList = 0;
        while (!order.get(firstOfList).contains("[]")) {
            firstOfList++;
        }
        return firstOfList * 1000 + Integer.parseInt(index.group(1)) * 100 + at;
    }
}
