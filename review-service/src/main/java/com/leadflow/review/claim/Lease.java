package com.leadflow.review.claim;

import com.leadflow.review.task.ReviewStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A clinician's hold on a review. It lasts a set time (30 minutes by default) and can be renewed
 * while it lasts; once it expires the review is back in the queue for anyone, so a review left
 * open on a forgotten screen is never lost.
 */
public final class Lease {

    /** Whether a person may act on a review they want to renew, release or complete. */
    public enum Holding {
        /** The person holds an active lease. */
        HOLDER,
        /** Somebody else holds an active lease. */
        SOMEONE_ELSE,
        /** Nobody holds it: queued, expired, awaiting imaging or completed. */
        NOBODY
    }

    private Lease() {
    }

    public static Instant expiry(Instant claimedAt, Duration length) {
        return claimedAt.plus(length);
    }

    /** A lease is active until the instant it expires; at that instant it is gone. */
    public static boolean isActive(Instant expiresAt, Instant now) {
        return expiresAt != null && now.isBefore(expiresAt);
    }

    /** A queued review, or one whose lease has expired, can be claimed. */
    public static boolean isClaimable(ReviewStatus status, Instant expiresAt, Instant now) {
        return status == ReviewStatus.QUEUED || (status == ReviewStatus.IN_PROGRESS && !isActive(expiresAt, now));
    }

    /** The status a person sees: an in-progress review whose lease has expired is queued again. */
    public static ReviewStatus effectiveStatus(ReviewStatus status, Instant expiresAt, Instant now) {
        return status == ReviewStatus.IN_PROGRESS && !isActive(expiresAt, now) ? ReviewStatus.QUEUED : status;
    }

    public static Holding holding(ReviewStatus status, String holder, Instant expiresAt, String person, Instant now) {
        if (status != ReviewStatus.IN_PROGRESS || !isActive(expiresAt, now)) {
            return Holding.NOBODY;
        }
        return person.equals(holder) ? Holding.HOLDER : Holding.SOMEONE_ELSE;
    }
}
