package com.leadflow.review.task;

/** Where a review stands in the clinicians' work. */
public enum ReviewStatus {
    /** The visitor asked for a review but sent no imaging yet; not in the queue. */
    AWAITING_IMAGING,
    /** In the queue, waiting for a clinician. */
    QUEUED,
    /** Claimed by a clinician whose lease has not expired. */
    IN_PROGRESS,
    /** An outcome was recorded. */
    COMPLETED
}
