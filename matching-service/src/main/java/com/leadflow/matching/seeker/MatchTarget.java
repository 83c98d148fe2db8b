package com.leadflow.matching.seeker;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import java.util.Objects;

/**
 * What a visitor is matched on: a condition and a procedure, first as the visitor named them,
 * later as a clinician's review found them. Vague answers ("unknown", "unsure", "other") name
 * nothing a past patient could share.
 */
public record MatchTarget(Condition condition, Procedure procedure) {

    public static MatchTarget of(Condition condition, Procedure procedure) {
        return new MatchTarget(condition, procedure);
    }

    /** The procedure when it is a specific one, else null. */
    public Procedure specificProcedure() {
        return procedure == null || procedure == Procedure.UNSURE || procedure == Procedure.OTHER ? null : procedure;
    }

    /** The condition when it is a specific one, else null. */
    public Condition specificCondition() {
        return condition == null || condition == Condition.UNKNOWN || condition == Condition.OTHER ? null : condition;
    }

    /** Whether there is anything a past patient could share: a specific condition or procedure. */
    public boolean namesSomethingToShare() {
        return specificProcedure() != null || specificCondition() != null;
    }

    /** This target with a review's findings laid over it: what the review names wins. */
    public MatchTarget refinedBy(MatchTarget review) {
        return new MatchTarget(
                review.specificCondition() != null ? review.condition : condition,
                review.specificProcedure() != null ? review.procedure : procedure);
    }

    public boolean sameProcedureAs(Procedure other) {
        return specificProcedure() != null && Objects.equals(specificProcedure(), other);
    }
}
