package com.leadflow.review.claim;

import com.leadflow.review.task.ReviewTask;
import java.time.Instant;
import java.util.Locale;

/** Why a person may not claim, renew, release or complete a review. Messages name no patient data. */
public class ReviewActionDenied extends RuntimeException {

    public enum Why {
        /** No such review. */
        NOT_FOUND,
        /** Another clinician holds an active lease on it. */
        HELD_BY_SOMEONE_ELSE,
        /** Nobody holds it, or it is not in a state for this action (already claimed, waiting, completed, lease expired). */
        CONFLICT
    }

    private final Why why;

    public ReviewActionDenied(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }

    public static ReviewActionDenied notFound() {
        return new ReviewActionDenied(Why.NOT_FOUND, "No review with this id");
    }

    /** Explains a failed claim: it exists, but somebody holds it or it is not in the queue. */
    public static ReviewActionDenied notClaimable(ReviewTask task) {
        return new ReviewActionDenied(Why.CONFLICT, "The review is " + task.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " and cannot be claimed");
    }

    /** Explains a failed renew, release or complete by {@code person}. */
    public static ReviewActionDenied notHeld(ReviewTask task, String person, Instant now) {
        return switch (Lease.holding(task.status(), task.claimedBy(), task.leaseExpiresAt(), person, now)) {
            case SOMEONE_ELSE -> new ReviewActionDenied(Why.HELD_BY_SOMEONE_ELSE,
                    "Another clinician holds this review; only they can change it");
            case NOBODY, HOLDER -> new ReviewActionDenied(Why.CONFLICT,
                    "You do not hold this review (it is not claimed by you, or your claim expired)");
        };
    }
}
