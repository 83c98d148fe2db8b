package com.leadflow.matching.seeker;

import java.time.Instant;

/**
 * A lead as matching knows it: whether the visitor asked to talk with a past patient and agreed
 * to be contacted, what to match on, and where the lead stands.
 *
 * @param target what to match on, the review's findings laid over the visitor's own answers
 * @param profile null until the lead itself arrived
 * @param waitlistedAt when the lead joined the wait-list, or null when not on it
 */
public record Seeker(
        String leadId,
        SeekerState state,
        boolean connectRequested,
        boolean contactConsent,
        MatchTarget target,
        SeekerProfile profile,
        Instant waitlistedAt) {

    public Seeker withState(SeekerState newState, Instant now) {
        Instant waitlisted = newState == SeekerState.WAITLISTED ? (waitlistedAt != null ? waitlistedAt : now) : null;
        return new Seeker(leadId, newState, connectRequested, contactConsent, target, profile, waitlisted);
    }

    public Seeker withTarget(MatchTarget newTarget) {
        return new Seeker(leadId, state, connectRequested, contactConsent, newTarget, profile, waitlistedAt);
    }
}
