package com.leadflow.review.queue;

import com.leadflow.review.claim.LeaseStore;
import com.leadflow.review.metrics.ReviewMetrics;
import com.leadflow.review.status.ReviewStatusEvents;
import com.leadflow.review.task.ReviewTaskStore;
import com.leadflow.review.task.ReviewTime;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Looks over the open reviews now and then: a review past its deadline is reported missed, once
 * (the conditional update lets only one sweep, on any instance, report it); a review whose lease
 * ran out goes back to the queue and says so. Claims never wait for the sweep: an expired lease
 * can be claimed at once.
 */
@Component
public class QueueSweep {

    private static final Logger log = LoggerFactory.getLogger(QueueSweep.class);

    private final ReviewTaskStore store;
    private final LeaseStore leases;
    private final ReviewStatusEvents events;
    private final ReviewMetrics metrics;
    private final TransactionalOperator tx;
    private final Clock clock;

    public QueueSweep(ReviewTaskStore store, LeaseStore leases, ReviewStatusEvents events, ReviewMetrics metrics,
            TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.events = events;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leadflow.review.sweep-interval:PT15S}",
            initialDelayString = "${leadflow.review.sweep-interval:PT15S}")
    public Mono<Void> sweep() {
        Instant now = ReviewTime.now(clock);
        return reportMissedDeadlines(now)
                .then(returnExpiredLeases(now))
                .then(metrics.refreshQueueDepth())
                .onErrorResume(e -> {
                    log.warn("Queue sweep failed, will try again: {}", e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private Mono<Void> reportMissedDeadlines(Instant now) {
        return store.overdueUnreported(now)
                .concatMap(task -> tx.transactional(store.markDeadlineMissed(task.reviewId(), now)
                        .filter(Boolean::booleanValue)
                        .flatMap(marked -> {
                            log.info("Review {} missed its deadline", task.reviewId());
                            return events.deadlineMissed(task);
                        })))
                .then();
    }

    private Mono<Void> returnExpiredLeases(Instant now) {
        return store.expiredLeases(now)
                .concatMap(task -> tx.transactional(leases.returnExpired(task.reviewId(), now)
                        .filter(Boolean::booleanValue)
                        .flatMap(returned -> {
                            log.info("Review {} returned to the queue: its lease expired", task.reviewId());
                            return events.returnedToQueue(task);
                        })))
                .then();
    }
}
