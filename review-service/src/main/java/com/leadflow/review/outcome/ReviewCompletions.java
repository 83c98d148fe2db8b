package com.leadflow.review.outcome;

import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.review.claim.LeaseStore;
import com.leadflow.review.claim.ReviewClaims;
import com.leadflow.review.metrics.ReviewMetrics;
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
import reactor.core.publisher.Mono;

/**
 * Records a review's outcome. Only the clinician holding an active lease can; the outcome, the
 * audit entry and the completed status event commit together. Notes are stored, never logged or
 * published.
 */
@Service
public class ReviewCompletions {

    private static final Logger log = LoggerFactory.getLogger(ReviewCompletions.class);

    private final ReviewTaskStore store;
    private final LeaseStore leases;
    private final ReviewClaims claims;
    private final ReviewStatusEvents events;
    private final AuditLog audit;
    private final ReviewMetrics metrics;
    private final TransactionalOperator tx;
    private final Clock clock;

    public ReviewCompletions(ReviewTaskStore store, LeaseStore leases, ReviewClaims claims, ReviewStatusEvents events,
            AuditLog audit, ReviewMetrics metrics, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.claims = claims;
        this.events = events;
        this.audit = audit;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<ReviewTask> complete(String reviewId, String who, OutcomeForm form) {
        OutcomeForm.Validated validated = form.validate();
        if (!validated.isValid()) {
            return Mono.error(new InvalidRequestException(validated.violations().stream()
                    .map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList()));
        }
        ReviewDecision decision = validated.decision();
        Instant now = ReviewTime.now(clock);
        return tx.transactional(leases.complete(reviewId, who, now, decision)
                .flatMap(completed -> completed
                        ? store.find(reviewId).flatMap(task -> audit.record(AuditAction.COMPLETE, "review", reviewId)
                                .then(events.completed(task, decision))
                                .thenReturn(task))
                        : claims.denied(reviewId, who, now)))
                .doOnNext(task -> {
                    log.info("Review {} completed", reviewId);
                    metrics.completed(task, now);
                });
    }
}
