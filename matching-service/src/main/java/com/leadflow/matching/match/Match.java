package com.leadflow.matching.match;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visitor paired with an ambassador, with the reasons the pair was chosen.
 *
 * @param sharedCondition the condition both have, or null
 * @param sharedProcedure the procedure the ambassador went through and the visitor faces, or null
 */
public record Match(
        UUID id,
        String leadId,
        UUID ambassadorId,
        String ambassadorDisplayName,
        MatchState state,
        Condition sharedCondition,
        Procedure sharedProcedure,
        List<String> reasons,
        Instant proposedAt,
        Feedback feedback) {

    public Match {
        reasons = List.copyOf(reasons);
    }

    public Match withState(MatchState newState) {
        return new Match(id, leadId, ambassadorId, ambassadorDisplayName, newState, sharedCondition, sharedProcedure,
                reasons, proposedAt, feedback);
    }

    public Match completedWith(Feedback visitorFeedback) {
        return new Match(id, leadId, ambassadorId, ambassadorDisplayName, state.complete(), sharedCondition,
                sharedProcedure, reasons, proposedAt, visitorFeedback);
    }
}
