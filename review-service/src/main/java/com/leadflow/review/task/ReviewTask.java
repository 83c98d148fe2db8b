package com.leadflow.review.task;

import com.leadflow.events.ReviewPriority;
import com.leadflow.review.claim.Lease;
import com.leadflow.review.outcome.ReviewDecision;
import com.leadflow.review.queue.QueueOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One lead's imaging review as the clinicians work it.
 *
 * @param queuedAt when it joined the queue (null while awaiting imaging); its deadline counts from here
 * @param dueAt the service-level deadline (null while awaiting imaging)
 * @param deadlineMissedAt when the deadline was reported missed, once
 * @param latestStudyDate the most recent dated study among its imaging, for the staleness flag
 * @param claimedBy the clinician holding (or who last held) the lease
 * @param decision the outcome once completed
 */
public record ReviewTask(String reviewId, String leadId, ReviewStatus status, ReviewPriority priority,
        ClinicalSummary clinical, Instant submittedAt, Instant queuedAt, Instant dueAt, Instant deadlineMissedAt,
        LocalDate latestStudyDate, String claimedBy, Instant leaseExpiresAt, Instant firstClaimedAt,
        ReviewDecision decision, String completedBy, Instant completedAt) implements QueueOrder.Entry {

    /** The status as people see it at {@code now}: an expired lease puts the review back in the queue. */
    public ReviewStatus statusAt(Instant now) {
        return Lease.effectiveStatus(status, leaseExpiresAt, now);
    }

    /** An open review past its deadline is overdue. */
    public boolean isOverdueAt(Instant now) {
        return status != ReviewStatus.COMPLETED && dueAt != null && !now.isBefore(dueAt);
    }

    /** Time left until the deadline; negative once overdue, null without a deadline. */
    public Duration timeLeftAt(Instant now) {
        return dueAt == null ? null : Duration.between(now, dueAt);
    }

    public boolean staleImagingOn(LocalDate today) {
        return ImagingStudy.isStale(latestStudyDate, today);
    }
}
