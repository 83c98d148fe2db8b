package com.leadflow.matching.ambassador;

import java.time.LocalDate;
import java.time.Period;

/**
 * A decade of life. Matching compares bands, never birth dates: a visitor's date of birth is
 * turned into a band on arrival and not kept.
 */
public enum AgeBand {
    UNDER_30("under 30"),
    AGE_30_39("30-39"),
    AGE_40_49("40-49"),
    AGE_50_59("50-59"),
    AGE_60_69("60-69"),
    AGE_70_PLUS("70 or older");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    /** The band of someone born on {@code dateOfBirth}, as of {@code today}. */
    public static AgeBand of(LocalDate dateOfBirth, LocalDate today) {
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < 30) {
            return UNDER_30;
        }
        if (age >= 70) {
            return AGE_70_PLUS;
        }
        return values()[(age - 20) / 10];
    }

    /** How many bands apart two people are: 0 for the same band. */
    public int distanceTo(AgeBand other) {
        return Math.abs(ordinal() - other.ordinal());
    }

    public String label() {
        return label;
    }
}
