package com.leadflow.matching.seeker;

import com.leadflow.events.Procedure;

/**
 * When a lead is matched with an ambassador.
 *
 * <ul>
 *   <li>A visitor who asked to connect with a past patient and consented to be contacted is
 *       matched on the condition and procedure they named.</li>
 *   <li>A visitor who asked but did not consent is not matched: nobody may call them.</li>
 *   <li>A review that found the visitor a candidate refines the target. A lead already matched
 *       on another procedure than the recommended one is matched again on the recommended one;
 *       a wait-listed lead is tried again at once.</li>
 *   <li>A candidate who never asked to connect is not matched. The practice offers the
 *       conversation; it does not impose one. Ambassadors are volunteers with few free slots,
 *       and a call the visitor did not ask for would spend one of them and intrude on the
 *       visitor. The review's findings are kept, so a care manager can still see them.</li>
 * </ul>
 */
public final class MatchingPolicy {

    /** What to do about a lead after an event. */
    public enum Action {
        /** Find an ambassador now (or wait-list). */
        MATCH,
        /** End the current match and find an ambassador for the new target. */
        REMATCH,
        /** The current match still fits; only the target is updated. */
        KEEP,
        /** The visitor did not ask to connect: nothing to do. */
        NOT_REQUESTED,
        /** The visitor asked but did not consent to be contacted: say so, match nobody. */
        NOT_ELIGIBLE,
        /** Nothing to do (a repeated lead, or a review before its lead). */
        NONE
    }

    private MatchingPolicy() {
    }

    /**
     * The lead arrived.
     *
     * @param current the lead's state, or null when matching had not heard of it
     */
    public static Action onLeadSubmitted(SeekerState current, boolean connectRequested, boolean contactConsent) {
        if (current != null && current != SeekerState.AWAITING_LEAD) {
            return Action.NONE;
        }
        if (!connectRequested) {
            return Action.NOT_REQUESTED;
        }
        return contactConsent ? Action.MATCH : Action.NOT_ELIGIBLE;
    }

    /**
     * A review found the visitor a candidate.
     *
     * @param current the lead's state, or null when the lead has not arrived yet
     * @param matchedProcedure the procedure the current (or completed) match shares, or null
     * @param recommended the procedure the review recommends, or null
     */
    public static Action onReviewFoundCandidate(SeekerState current, Procedure matchedProcedure, Procedure recommended) {
        if (current == null) {
            return Action.NONE;
        }
        return switch (current) {
            case AWAITING_LEAD, NOT_REQUESTED, NOT_ELIGIBLE -> Action.NONE;
            case WAITLISTED -> Action.MATCH;
            case MATCHED, CONNECTED -> {
                Procedure specific = MatchTarget.of(null, recommended).specificProcedure();
                yield specific == null || specific == matchedProcedure ? Action.KEEP : Action.REMATCH;
            }
        };
    }
}
