package com.leadflow.matching.match;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A match as the API shows it to a care manager. */
public record MatchView(
        UUID id,
        String leadId,
        UUID ambassadorId,
        String ambassadorDisplayName,
        String state,
        String sharedCondition,
        String sharedProcedure,
        List<String> reasons,
        Instant proposedAt,
        Integer feedbackRating,
        String feedbackComment) {

    public static MatchView of(Match m) {
        return new MatchView(m.id(), m.leadId(), m.ambassadorId(), m.ambassadorDisplayName(), m.state().name(),
                m.sharedCondition() == null ? null : m.sharedCondition().name(),
                m.sharedProcedure() == null ? null : m.sharedProcedure().name(), m.reasons(), m.proposedAt(),
                m.feedback() == null ? null : m.feedback().rating(), m.feedback() == null ? null : m.feedback().comment());
    }
}
