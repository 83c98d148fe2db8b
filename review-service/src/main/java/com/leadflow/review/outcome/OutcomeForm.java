package com.leadflow.review.outcome;

import com.leadflow.events.InformationNeeded;
import com.leadflow.events.NextStep;
import com.leadflow.events.Procedure;
import com.leadflow.events.ReviewOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A completed outcome form as the clinician sent it, every field as text, so that any input can
 * be answered with the field and rule it breaks.
 */
public record OutcomeForm(String outcome, String recommendedProcedure, String nextStep, String informationNeeded,
        String notes) {

    /** How the page names each field, so a message reads as the form does. */
    private static final Map<String, String> IN_WORDS = Map.of(
            "outcome", "the outcome",
            "recommendedProcedure", "the recommended procedure",
            "nextStep", "the recommended next step",
            "informationNeeded", "the information needed");

    /** Longest note kept. */
    public static final int MAX_NOTES_LENGTH = 4000;

    /** The decision the form records, or every rule it breaks. */
    public Validated validate() {
        List<FieldViolation> violations = new ArrayList<>();
        var kind = parse("outcome", outcome, ReviewOutcome.class, violations, true);
        if (notes != null && notes.length() > MAX_NOTES_LENGTH) {
            violations.add(new FieldViolation("notes", "max-length",
                    "Notes may be at most " + MAX_NOTES_LENGTH + " characters long."));
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
            violations.add(new FieldViolation("recommendedProcedure", "not-unsure",
                    "A recommendation names a procedure: choose one from the list."));
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
                violations.add(new FieldViolation(field, "not-allowed",
                        capitalized(IN_WORDS.get(field)) + " does not belong to this outcome: leave it empty."));
            }
            return Optional.empty();
        }
        if (empty) {
            violations.add(new FieldViolation(field, "required", "Choose " + IN_WORDS.get(field) + "."));
            return Optional.empty();
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .filter(name -> !name.equals("UNKNOWN")).toList();
        if (!allowed.contains(value)) {
            violations.add(new FieldViolation(field, "one-of", "Choose " + IN_WORDS.get(field) + " from the list."));
            return Optional.empty();
        }
        return Optional.of(Enum.valueOf(type, value));
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Either a decision (and no violations) or the violations. */
    public record Validated(ReviewDecision decision, List<FieldViolation> violations) {
        public boolean isValid() {
            return decision != null;
        }
    }
}
