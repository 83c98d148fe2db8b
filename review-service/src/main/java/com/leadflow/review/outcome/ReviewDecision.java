package com.leadflow.review.outcome;

import com.leadflow.events.InformationNeeded;
import com.leadflow.events.NextStep;
import com.leadflow.events.Procedure;
import com.leadflow.events.ReviewOutcome;
import java.util.Objects;

/**
 * What a clinician concluded. A candidate always has the recommended procedure, a
 * non-candidate the recommended next step, and a review that needs more information says what;
 * the other two fields stay empty. Notes are free text (PHI): kept, never logged or published.
 */
public record ReviewDecision(ReviewOutcome outcome, Procedure recommendedProcedure, NextStep nextStep,
        InformationNeeded informationNeeded, String notes) {

    public ReviewDecision {
        Objects.requireNonNull(outcome, "outcome");
        boolean consistent = switch (outcome) {
            case CANDIDATE -> recommendedProcedure != null && nextStep == null && informationNeeded == null;
            case NOT_A_CANDIDATE -> nextStep != null && recommendedProcedure == null && informationNeeded == null;
            case NEEDS_MORE_INFORMATION -> informationNeeded != null && recommendedProcedure == null && nextStep == null;
            case UNKNOWN -> false;
        };
        if (!consistent) {
            throw new IllegalArgumentException("the decision's fields do not fit its outcome");
        }
    }

    public static ReviewDecision candidate(Procedure procedure, String notes) {
        return new ReviewDecision(ReviewOutcome.CANDIDATE, procedure, null, null, notes);
    }

    public static ReviewDecision notACandidate(NextStep nextStep, String notes) {
        return new ReviewDecision(ReviewOutcome.NOT_A_CANDIDATE, null, nextStep, null, notes);
    }

    public static ReviewDecision needsMoreInformation(InformationNeeded needed, String notes) {
        return new ReviewDecision(ReviewOutcome.NEEDS_MORE_INFORMATION, null, null, needed, notes);
    }
}
