package com.leadflow.matching.validation;

import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.InvalidRequestException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Collects rule violations field by field, so one answer names every broken field at once.
 * Each check returns the parsed value, or null when the field broke a rule.
 */
public final class Checks {

    private final List<FieldViolation> violations = new ArrayList<>();

    public String text(String field, String value, int maxLength, Pattern pattern, String patternMessage) {
        if (value == null || value.isBlank()) {
            return missing(field);
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            return fail(field, "size", "must be at most " + maxLength + " characters");
        }
        if (pattern != null && !pattern.matcher(trimmed).matches()) {
            return fail(field, "pattern", patternMessage);
        }
        return trimmed;
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, Set<E> refused) {
        if (value == null || value.isBlank()) {
            return missing(field);
        }
        List<E> allowed = Arrays.stream(type.getEnumConstants()).filter(Predicate.not(refused::contains)).toList();
        return allowed.stream().filter(e -> e.name().equals(value.trim())).findFirst()
                .orElseGet(() -> fail(field, "one-of", "must be one of " + allowed));
    }

    public Integer range(String field, Integer value, int min, int max) {
        if (value == null) {
            return missing(field);
        }
        return value < min || value > max ? fail(field, "range", "must be between " + min + " and " + max) : value;
    }

    public LocalDate pastDate(String field, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return missing(field);
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            return date.isAfter(today) ? fail(field, "past-or-present", "must not be in the future") : date;
        } catch (DateTimeParseException e) {
            return fail(field, "date", "must be a date like 2024-03-31");
        }
    }

    public String timeZone(String field, String value) {
        if (value == null || value.isBlank()) {
            return missing(field);
        }
        try {
            return ZoneId.of(value.trim()).getId();
        } catch (DateTimeException e) {
            return fail(field, "time-zone", "must be an IANA time zone such as America/Chicago");
        }
    }

    public <T> T fail(String field, String rule, String message) {
        // the field is named, the submitted value never: it may be patient data
        violations.add(new FieldViolation(field, rule, field + " " + message + "."));
        return null;
    }

    public <T> T missing(String field) {
        return fail(field, "required", "is required");
    }

    /** @throws InvalidRequestException when any check failed */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
