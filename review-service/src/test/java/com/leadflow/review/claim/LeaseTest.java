package com.leadflow.review.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.review.claim.Lease.Holding;
import com.leadflow.review.task.ReviewStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseTest {

    private static final Instant CLAIMED = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant EXPIRES = Lease.expiry(CLAIMED, Duration.ofMinutes(30));

    @Test
    void aLeaseLastsItsLengthAndEndsAtItsExpiry() {
        assertThat(EXPIRES).isEqualTo(Instant.parse("2026-11-25T12:30:00Z"));
        assertThat(Lease.isActive(EXPIRES, EXPIRES.minusMillis(1))).isTrue();
        assertThat(Lease.isActive(EXPIRES, EXPIRES)).isFalse();
    }

    @Test
    void anExpiredLeasePutsTheReviewBackInTheQueue() {
        assertThat(Lease.effectiveStatus(ReviewStatus.IN_PROGRESS, EXPIRES, EXPIRES.plusSeconds(1))).isEqualTo(ReviewStatus.QUEUED);
        assertThat(Lease.isClaimable(ReviewStatus.IN_PROGRESS, EXPIRES, EXPIRES.plusSeconds(1))).isTrue();
    }

    @Test
    void aLiveLeaseKeepsTheReviewWithItsHolder() {
        Instant during = CLAIMED.plusSeconds(60);
        assertThat(Lease.effectiveStatus(ReviewStatus.IN_PROGRESS, EXPIRES, during)).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(Lease.isClaimable(ReviewStatus.IN_PROGRESS, EXPIRES, during)).isFalse();
    }

    @Test
    void onlyQueuedOrExpiredReviewsCanBeClaimed() {
        assertThat(Lease.isClaimable(ReviewStatus.QUEUED, null, CLAIMED)).isTrue();
        assertThat(Lease.isClaimable(ReviewStatus.AWAITING_IMAGING, null, CLAIMED)).isFalse();
        assertThat(Lease.isClaimable(ReviewStatus.COMPLETED, null, CLAIMED)).isFalse();
    }

    @Test
    void onlyTheHolderOfALiveLeaseHoldsIt() {
        Instant during = CLAIMED.plusSeconds(60);
        assertThat(Lease.holding(ReviewStatus.IN_PROGRESS, "drlee", EXPIRES, "drlee", during)).isEqualTo(Holding.HOLDER);
        assertThat(Lease.holding(ReviewStatus.IN_PROGRESS, "drlee", EXPIRES, "drpatel", during)).isEqualTo(Holding.SOMEONE_ELSE);
        assertThat(Lease.holding(ReviewStatus.IN_PROGRESS, "drlee", EXPIRES, "drlee", EXPIRES)).isEqualTo(Holding.NOBODY);
        assertThat(Lease.holding(ReviewStatus.COMPLETED, "drlee", null, "drlee", during)).isEqualTo(Holding.NOBODY);
    }
}
