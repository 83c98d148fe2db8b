package com.leadflow.review.queue;

import com.leadflow.events.ReviewPriority;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order clinicians work the queue in: urgent before routine, then the earliest deadline,
 * then the longest waiting, so the order is total and every clinician sees the same one.
 */
public final class QueueOrder {

    /** What the order looks at in a queued review. */
    public interface Entry {
        ReviewPriority priority();

        Instant dueAt();

        Instant queuedAt();

        String reviewId();
    }

    public static final Comparator<Entry> ORDER = Comparator
            .comparingInt((Entry e) -> Triage.rank(e.priority()))
            .thenComparing(Entry::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::queuedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::reviewId);

    private QueueOrder() {
    }
}
