package com.leadflow.review.queue;

import com.leadflow.review.task.ReviewStatus;
import java.util.Optional;

/** Which submitted leads become reviews, and in which state they start. */
public final class Admission {

    private Admission() {
    }

    /**
     * A lead with imaging is queued for review, whether or not it asked for one. A lead that asked
     * for an MRI/CT review without imaging waits for its imaging. Any other lead is not a review.
     */
    public static Optional<ReviewStatus> admit(boolean reviewRequested, boolean hasImaging) {
        if (hasImaging) {
            return Optional.of(ReviewStatus.QUEUED);
        }
        return reviewRequested ? Optional.of(ReviewStatus.AWAITING_IMAGING) : Optional.empty();
    }
}
