package com.leadflow.intake.lead;

import com.leadflow.platform.web.FieldViolation;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects broken field rules while a request is checked, so a caller learns about every field at
 * once. Messages name the rule and never the submitted value.
 */
final class Checks {

    private final List<FieldViolation> violations = new ArrayList<>();

    List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    boolean ok() {
        return violations.isEmpty();
    }

    void fail(String field, String rule, String message) {
        violations.add(new FieldViolation(field, rule, message));
    }

    boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Required text that fits {@code max} characters and matches {@code pattern} (if any), in
     * Unicode's composed form (NFC): "Zoë" typed as "Zoe" plus a combining diaeresis is kept as
     * "Zoë", so it matches, counts and deduplicates as the same name.
     */
    String text(String field, String value, boolean required, int max, Pattern pattern) {
        return text(field, value, required, max, pattern, "This value is not in the expected format.");
    }

    /** {@link #text(String, String, boolean, int, Pattern)}, saying {@code formatMessage} when the pattern does not match. */
    String text(String field, String value, boolean required, int max, Pattern pattern, String formatMessage) {
        if (!present(value)) {
            if (required) {
                fail(field, "required", "Please fill in this field.");
            }
            return null;
        }
        String trimmed = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (trimmed.length() > max) {
            fail(field, "max-length", "Use at most " + max + " characters.");
        } else if (pattern != null && !pattern.matcher(trimmed).matches()) {
            fail(field, "format", formatMessage);
        }
        return trimmed;
    }

    /** One value of an enum, or {@code fallback} when absent; {@code excluded} values are refused. */
    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E fallback, Set<E> excluded) {
        if (!present(value)) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip()) && !excluded.contains(constant)) {
                return constant;
            }
        }
        fail(field, "unknown-value", "Choose one of: " + allowed(type, excluded) + ".");
        return fallback;
    }

    /** A list of enum values without repeats; each unknown entry is named by its index. */
    <E extends Enum<E>> List<E> listOf(String field, List<String> values, Class<E> type, Set<E> excluded, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            fail(field, "max-items", "Choose at most " + max + ".");
            return List.of();
        }
        List<E> result = new ArrayList<>();
        Set<E> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            E value = oneOf(field + "[" + i + "]", values.get(i), type, null, excluded);
            if (values.get(i) == null) {
                fail(field + "[" + i + "]", "required", "An entry is empty.");
            }
            if (value != null && seen.add(value)) {
                result.add(value);
            }
        }
        return result;
    }

    /** A date of birth in the past and at most 120 years ago; null when absent or broken. */
    LocalDate dateOfBirth(String field, String value, boolean required, LocalDate today) {
        LocalDate date = date(field, value, required);
        if (date != null && !date.isBefore(today)) {
            fail(field, "in-past", "A date of birth lies in the past.");
            return null;
        }
        if (date != null && date.isBefore(today.minusYears(120))) {
            fail(field, "plausible-age", "A date of birth at most 120 years ago.");
            return null;
        }
        return date;
    }

    LocalDate date(String field, String value, boolean required) {
        if (!present(value)) {
            if (required) {
                fail(field, "required", "Please fill in this field.");
            }
            return null;
        }
        try {
            return IsoText.date(value.strip());
        } catch (DateTimeException e) {
            fail(field, "format", "Use a date like 1970-01-31.");
            return null;
        }
    }

    private static <E extends Enum<E>> String allowed(Class<E> type, Set<E> excluded) {
        return String.join(", ", Arrays.stream(type.getEnumConstants())
                .filter(c -> !excluded.contains(c)).map(Enum::name).toList());
    }
}
