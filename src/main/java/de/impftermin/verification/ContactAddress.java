package de.impftermin.verification;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.platform.Refusal;
import java.util.Locale;
import java.util.regex.Pattern;

/** A normalised phone number (E.164, German numbers without +49 accepted) or e-mail address. */
public record ContactAddress(MessageChannel channel, String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,190}\\.[^@\\s.\\p{Cntrl}]{2,63}");

    public static ContactAddress of(MessageChannel channel, String raw) {
        String trimmed = raw.strip();
        return switch (channel) {
            case SMS -> new ContactAddress(channel, phone(trimmed));
            case EMAIL -> {
                String email = trimmed.toLowerCase(Locale.ROOT);
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                    throw Refusal.invalid("INVALID_ADDRESS", "This is not a valid e-mail address.");
                }
                yield new ContactAddress(channel, email);
            }
        };
    }

    public static String phone(String raw) {
        String digits = raw.replaceAll("[\\s\\-/()]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+49" + digits.substring(1);
        }
        if (!E164.matcher(digits).matches()) {
            throw Refusal.invalid("INVALID_ADDRESS", "This is not a valid mobile phone number.");
        }
        return digits;
    }

    /** The form carried in tokens and holds: {@code SMS:+49…} or {@code EMAIL:name@example.org}. */
    public String subject() {
        return channel.name() + ":" + value;
    }

    public static ContactAddress fromSubject(String subject) {
        int colon = subject.indexOf(':');
        return new ContactAddress(MessageChannel.valueOf(subject.substring(0, colon)), subject.substring(colon + 1));
    }
}
