package com.leadflow.review.claim;

import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.review.config.ReviewProperties;
import com.leadflow.review.metrics.ReviewMetrics;
import com.leadflow.review.queue.QueueOrder;
import com.leadflow.review.status.ReviewStatusEvents;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTaskStore;
import com.leadflow.review.task.ReviewTime;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Claiming, renewing and releasing reviews. Every change is one conditional update, audited and
 * reported in the same transaction; a clinician who loses a race is told so (409), one who acts
 * on a review another clinician holds is refused (403).
 */
@Service
public class ReviewClaims {

    /** Rounds of "next" when every candidate was taken by others meanwhile. */
    private static final int NEXT_ROUNDS = 3;
    private static final Logger log = LoggerFactory.getLogger(ReviewClaims.class);
    static final String SUBJECT = "review";

    private final ReviewTaskStore store;
    private final LeaseStore leases;
    private final ReviewStatusEvents events;
    private final AuditLog audit;
    private final ReviewMetrics metrics;
    private final TransactionalOperator tx;
    private final ReviewProperties properties;
    private final Clock clock;

    public ReviewClaims(ReviewTaskStore store, LeaseStore leases, ReviewStatusEvents events, AuditLog audit,
            ReviewMetrics metrics, TransactionalOperator tx, ReviewProperties properties, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.events = events;
        this.audit = audit;
        this.metrics = metrics;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Claims the first claimable review in queue order. Candidates are tried in that order, so
     * clinicians asking at once each get a different review; empty when the queue is empty.
     */
    public Mono<ReviewTask> claimNext(String who) {
        return claimNext(who, NEXT_ROUNDS).doOnNext(task -> metrics.queueChanged());
    }

    /** Another round only when there were candidates but others took every one of them meanwhile. */
    private Mono<ReviewTask> claimNext(String who, int roundsLeft) {
        return Mono.defer(() -> {
            Instant now = ReviewTime.now(clock);
            return store.open()
                    .filter(task -> Lease.isClaimable(task.status(), task.leaseExpiresAt(), now))
                    .sort(QueueOrder.ORDER)
                    .collectList()
                    .flatMap(candidates -> candidates.isEmpty() ? Mono.empty()
                            : Flux.fromIterable(candidates)
                                    .concatMap(task -> tryClaim(task.reviewId(), who, now))
                                    .next()
                                    .switchIfEmpty(roundsLeft > 1 ? claimNext(who, roundsLeft - 1) : Mono.empty()));
        });
    }

    /** Claims one review; 409 when it is held by someone, waiting for imaging or completed. */
    public Mono<ReviewTask> claim(String reviewId, String who) {
        Instant now = ReviewTime.now(clock);
        return tryClaim(reviewId, who, now)
                .switchIfEmpty(Mono.defer(() -> store.find(reviewId)
                        .switchIfEmpty(Mono.error(ReviewActionDenied::notFound))
                        .flatMap(task -> Mono.error(ReviewActionDenied.notClaimable(task)))))
                .doOnNext(task -> metrics.queueChanged());
    }

    /** Extends the holder's lease by the full lease length from now. */
    public Mono<ReviewTask> renew(String reviewId, String who) {
        Instant now = ReviewTime.now(clock);
        return tx.transactional(leases.renew(reviewId, who, now, Lease.expiry(now, properties.leaseDuration()))
                .flatMap(renewed -> renewed
                        ? audit.record(AuditAction.RENEW, SUBJECT, reviewId).then(store.find(reviewId))
                        : denied(reviewId, who, now)));
    }

    /** The holder puts the review back in the queue, keeping its place and deadline. */
    public Mono<ReviewTask> release(String reviewId, String who) {
        Instant now = ReviewTime.now(clock);
        return tx.transactional(leases.release(reviewId, who, now)
                .flatMap(released -> released
                        ? store.find(reviewId).flatMap(task -> audit.record(AuditAction.RELEASE, SUBJECT, reviewId)
                                .then(events.returnedToQueue(task))
                                .thenReturn(task))
                        : denied(reviewId, who, now)))
                .doOnNext(task -> metrics.queueChanged());
    }

    /** The reason a renew, release or complete by {@code who} did not happen. */
    public Mono<ReviewTask> denied(String reviewId, String who, Instant now) {
        return Mono.defer(() -> store.find(reviewId)
                .switchIfEmpty(Mono.error(ReviewActionDenied::notFound))
                .flatMap(task -> Mono.error(ReviewActionDenied.notHeld(task, who, now))));
    }

    private Mono<ReviewTask> tryClaim(String reviewId, String who, Instant now) {
        return tx.transactional(leases.claim(reviewId, who, now, Lease.expiry(now, properties.leaseDuration()))
                .filter(Boolean::booleanValue)
                .flatMap(claimed -> store.find(reviewId))
                .flatMap(task -> audit.record(AuditAction.CLAIM, SUBJECT, reviewId)
                        .then(events.inProgress(task))
                        .thenReturn(task)))
                .doOnNext(task -> {
                    log.info("Review {} claimed", reviewId);
                    if (now.equals(task.firstClaimedAt())) {
                        metrics.claimed(task, now);
                    }
                });
    }
}
