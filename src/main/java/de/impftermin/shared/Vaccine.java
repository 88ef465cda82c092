package de.impftermin.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in vaccines. A two-dose vaccine's 2nd dose falls between {@code minDays} and {@code maxDays} after the
 * 1st (inclusive); a single-dose vaccine has no 2nd dose.
 */
public enum Vaccine {
    COMIRNATY("comirnaty", "Comirnaty (BioNTech)", 2, 21, 42),
    SPIKEVAX("spikevax", "Spikevax (Moderna)", 2, 28, 42),
    VAXZEVRIA("vaxzevria", "Vaxzevria (AstraZeneca)", 2, 63, 84),
    JCOVDEN("jcovden", "Jcovden (Johnson & Johnson)", 1, 0, 0);

    private final String id;
    private final String displayName;
    private final int doses;
    private final int minDays;
    private final int maxDays;

    Vaccine(String id, String displayName, int doses, int minDays, int maxDays) {
        this.id = id;
        this.displayName = displayName;
        this.doses = doses;
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public int doses() {
        return doses;
    }

    public boolean hasSecondDose() {
        return doses == 2;
    }

    public int minDays() {
        return minDays;
    }

    public int maxDays() {
        return maxDays;
    }

    public static Optional<Vaccine> find(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
    }

    @JsonCreator
    public static Vaccine fromJson(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown vaccine " + id));
    }
}
