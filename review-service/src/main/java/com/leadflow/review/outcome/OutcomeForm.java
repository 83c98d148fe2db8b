package com.leadflow.review.outcome;

import com.leadflow.events.InformationNeeded;
import com.leadflow.events.NextStep;
import com.leadflow.events.Procedure;
import com.leadflow.events.ReviewOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A completed outcome form as the clinician sent it, every field as text, so that any input can
 * be answered with the field and rule it breaks.
 */
public record OutcomeForm(String outcome, String recommendedProcedure, String nextStep, String informationNeeded,
        String notes) {

    /** Longest note kept. */
    public static final int MAX_NOTES_LENGTH = 4000;

    /** The decision the form records, or every rule it breaks. */
    public Validated validate() {
        List<FieldViolation> violations = new ArrayList<>();
        var kind = parse("outcome", outcome, ReviewOutcome.class, violations, true);
        if (notes != null && notes.length() > MAX_NOTES_LENGTH) {
            violations.add(new FieldViolation("notes", "max-length", "notes must be at most " + MAX_NOTES_LENGTH + " characters"));
        }
        if (kind.isEmpty()) {
            return new Validated(null, violations);
        }
        var procedure = parse("recommendedProcedure", recommendedProcedure, Procedure.class, violations,
                kind.get() == ReviewOutcome.CANDIDATE);
        var step = parse("nextStep", nextStep, NextStep.class, violations,
                kind.get() == ReviewOutcome.NOT_A_CANDIDATE);
        var needed = parse("informationNeeded", informationNeeded, InformationNeeded.class, violations,
                kind.get() == ReviewOutcome.NEEDS_MORE_INFORMATION);
        if (procedure.isPresent() && procedure.get() == Procedure.UNSURE) {
            violations.add(new FieldViolation("recommendedProcedure", "not-unsure", "a recommendation must name a procedure"));
        }
        if (!violations.isEmpty()) {
            return new Validated(null, violations);
        }
        String keptNotes = notes == null || notes.isBlank() ? null : notes.strip();
        return new Validated(new ReviewDecision(kind.get(), procedure.orElse(null), step.orElse(null), needed.orElse(null),
                keptNotes), List.of());
    }

    /**
     * A field the outcome needs must be one of its enum's values; a field the outcome does not use
     * must be left empty, so a record never holds a contradiction.
     */
    private static <E extends Enum<E>> Optional<E> parse(String field, String value, Class<E> type,
            List<FieldViolation> violations, boolean needed) {
        boolean empty = value == null || value.isBlank();
        if (!needed) {
            if (!empty) {
                violations.add(new FieldViolation(field, "not-allowed", field + " does not belong to this outcome"));
            }
            return Optional.empty();
        }
        if (empty) {
            violations.add(new FieldViolation(field, "required", field + " is required"));
            return Optional.empty();
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .filter(name -> !name.equals("UNKNOWN")).toList();
        if (!allowed.contains(value)) {
            violations.add(new FieldViolation(field, "one-of", field + " must be one of " + String.join(", ", allowed)));
            return Optional.empty();
        }
        return Optional.of(Enum.valueOf(type, value));
    }

    /** Either a decision (and no violations) or the violations. */
    public record Validated(ReviewDecision decision, List<FieldViolation> violations) {
        public boolean isValid() {
            return decision != null;
        }
    }
}
