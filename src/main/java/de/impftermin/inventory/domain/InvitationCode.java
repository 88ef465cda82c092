package de.impftermin.inventory.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A personal invitation code: 13 characters from an alphabet of 31 without look-alikes (no 0/O, 1/I/L), 64.4 bits
 * from {@link SecureRandom}, shown in groups as {@code ABCD-EFGH-JKMNP}. People type codes from a letter: input is
 * accepted in any case, with spaces or hyphens anywhere. Only {@link #hash()} is stored: a code of 64 bits cannot be
 * found from its SHA-256 by trying, and a database dump gives no usable code.
 */
public record InvitationCode(String value) {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 13;

    private static final SecureRandom RANDOM = new SecureRandom();

    public InvitationCode {
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not an invitation code");
        }
    }

    public static InvitationCode generate() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new InvitationCode(new String(chars));
    }

    /** The code someone typed, if it has the shape of one. */
    public static Optional<InvitationCode> parse(String typed) {
        String normalised = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (normalised.length() != LENGTH || !normalised.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new InvitationCode(normalised));
    }

    /** The code as printed: {@code ABCD-EFGH-JKMNP}. */
    public String shown() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    /** Hex SHA-256 of the code, as stored. */
    public String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
