package com.leadflow.review.queue;

import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.review.claim.ReviewActionDenied;
import com.leadflow.review.task.ImagingStudy;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTaskStore;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What clinicians read: the queue in working order and single reviews. Every read is audited. */
@Service
public class ReviewQueue {

    private final ReviewTaskStore store;
    private final AuditLog audit;

    public ReviewQueue(ReviewTaskStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Open reviews (queued or in someone's hands), urgent first, then by deadline. */
    public Mono<List<ReviewTask>> openReviews() {
        return audit.record(AuditAction.LIST, "review-queue", "open")
                .then(store.open().sort(QueueOrder.ORDER).collectList());
    }

    /** Reviews a visitor asked for that wait for their imaging, oldest first. */
    public Mono<List<ReviewTask>> awaitingImaging() {
        return audit.record(AuditAction.LIST, "review-queue", "awaiting-imaging")
                .then(store.awaitingImaging().collectList());
    }

    /** A review with its imaging; reading it does not claim it. */
    public Mono<ReviewWithImaging> review(String reviewId) {
        return store.find(reviewId)
                .switchIfEmpty(Mono.error(ReviewActionDenied::notFound))
                .flatMap(task -> audit.record(AuditAction.VIEW, "review", reviewId)
                        .then(withImaging(task)));
    }

    public Mono<ReviewWithImaging> withImaging(ReviewTask task) {
        return store.imagingOf(task.leadId()).collectList().map(imaging -> new ReviewWithImaging(task, imaging));
    }

    public record ReviewWithImaging(ReviewTask task, List<ImagingStudy> imaging) {
    }
}
