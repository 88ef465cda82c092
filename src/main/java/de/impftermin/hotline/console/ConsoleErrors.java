package de.impftermin.hotline.console;

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
 * A form's problems in plain language, by field, in the order of the form: shown next to each field and in the error
 * summary at the top, whose links lead to the fields. A field path like {@code persons[1].birthDate} becomes the
 * element id {@code persons1-birthDate}, and its person's number (2) is the message's argument.
 */
public final class ConsoleErrors {

    /** One problem: the id of the field it belongs to and what to say. */
    public record Problem(String field, String message) {}

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Map<String, String> byField = new LinkedHashMap<>();

    static ConsoleErrors none() {
        return new ConsoleErrors();
    }

    /** The problems of a bound form; the message keys are the constraints' messages (see the forms). */
    static ConsoleErrors of(BindingResult result, List<String> fieldOrder, MessageSource messages) {
        ConsoleErrors errors = new ConsoleErrors();
        List<FieldError> sorted = new ArrayList<>(result.getFieldErrors());
        sorted.sort((a, b) -> Integer.compare(position(a, fieldOrder), position(b, fieldOrder)));
        for (FieldError error : sorted) {
            Matcher index = INDEX.matcher(error.getField());
            int person = index.find() ? Integer.parseInt(index.group(1)) + 1 : 1;
            String key = error.getDefaultMessage() == null ? "hotline.error.invalid" : error.getDefaultMessage();
            if (error.isBindingFailure()) {
                key = "hotline.error.invalid";
            }
            String text = messages.getMessage(key, new Object[] {person}, key, LocaleContextHolder.getLocale());
            errors.byField.putIfAbsent(id(error.getField()), text);
        }
        return errors;
    }

    /** The element id of a field path. */
    public static String id(String field) {
        return field.replace("[", "").replace("]", "").replace('.', '-');
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
