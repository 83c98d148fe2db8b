package com.leadflow.review.queue;

import com.leadflow.events.ReviewPriority;
import java.util.Collection;

/** How urgent a review is. */
public final class Triage {

    private Triage() {
    }

    /**
     * Any red-flag symptom (bowel or bladder changes, saddle numbness, progressive weakness, ...)
     * can mean a surgical emergency, so it makes the review urgent; every other review is routine.
     */
    public static ReviewPriority priority(Collection<?> redFlags) {
        return redFlags == null || redFlags.isEmpty() ? ReviewPriority.ROUTINE : ReviewPriority.URGENT;
    }

    /** The queue's first ordering key: urgent reviews come before routine ones. */
    public static int rank(ReviewPriority priority) {
        return priority == ReviewPriority.URGENT ? 0 : 1;
    }
}
