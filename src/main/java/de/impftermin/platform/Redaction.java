package de.impftermin.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Keeps personal data out of logs and error columns at the places where outside text comes in: a gateway's error
 * message may quote the recipient, a request path may carry a booking code. E-mail addresses, runs of six or more
 * digits (phone numbers in any spelling, dates, verification codes) and booking or invitation codes are masked; what
 * is left still says what went wrong. See {@code docs/privacy.md#logs}.
 */
public final class Redaction {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"'(),;:\\[\\]]+@[^\\s@<>\"'(),;:\\[\\]]+");
    private static final Pattern BOOKING_CODE =
            Pattern.compile("(?i)\\b[0-9A-Z]{4}[- ]?[0-9A-Z]{4}[- ]?[0-9A-Z]{4,5}\\b");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d(?:[ ./()-]?\\d){5,}");

    private Redaction() {}

    /** The text with e-mail addresses, booking codes and long digit runs masked. */
    public static String redact(String text) {
        String masked = EMAIL.matcher(text).replaceAll("[e-mail]");
        masked = DIGITS.matcher(masked).replaceAll("[number]");
        return BOOKING_CODE.matcher(masked).replaceAll(match -> hasDigit(match.group()) ? "[code]" : match.group());
    }

    /**
     * The request's path as its handler declares it ({@code /staff/hotline/bookings/{code}}), never with the values
     * in it; the servlet path where no handler was found.
     */
    public static String path(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? redact(request.getRequestURI()) : pattern.toString();
    }

    private static boolean hasDigit(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }
}
