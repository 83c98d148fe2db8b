package com.leadflow.review.status;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.ReviewStatusDetails;
import com.leadflow.events.Stage;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.review.outcome.ReviewDecision;
import com.leadflow.review.queue.DeadlinePolicy;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTime;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reports each step of a review on {@code leads.status} through the outbox, so the report commits
 * with the change. Summaries are plain words for a care manager and never carry clinical details
 * or notes; the typed details carry what other services need (matching reads the outcome, the
 * recommended procedure and the condition).
 */
@Component
public class ReviewStatusEvents {

    private final Outbox outbox;
    private final Clock clock;
    private final DeadlinePolicy policy;

    public ReviewStatusEvents(Outbox outbox, Clock clock, DeadlinePolicy policy) {
        this.outbox = outbox;
        this.clock = clock;
        this.policy = policy;
    }

    /** From a lead consumer's poll transaction (JDBC): the report names the event that caused it. */
    public void awaitingImaging(Event<?> cause, ReviewTask task) {
        add(cause, task, LeadStatus.REVIEW_AWAITING_IMAGING,
                "An imaging review was requested; it starts once the imaging arrives", details(task));
    }

    /** From a lead consumer's poll transaction (JDBC): the report names the event that caused it. */
    public void queued(Event<?> cause, ReviewTask task) {
        add(cause, task, LeadStatus.REVIEW_QUEUED, "The imaging review is in the clinicians' queue", details(task));
    }

    public Mono<Void> returnedToQueue(ReviewTask task) {
        return report(task, LeadStatus.REVIEW_QUEUED, "The imaging review is back in the clinicians' queue", details(task));
    }

    /** From a lead consumer's poll transaction (JDBC): the report names the event that caused it. */
    public void reopened(Event<?> cause, ReviewTask task) {
        add(cause, task, LeadStatus.REVIEW_QUEUED,
                "New imaging arrived; the imaging review is back in the clinicians' queue", details(task));
    }

    public Mono<Void> inProgress(ReviewTask task) {
        return report(task, LeadStatus.REVIEW_IN_PROGRESS, "A clinician is reviewing the imaging", details(task));
    }

    public Mono<Void> deadlineMissed(ReviewTask task) {
        return report(task, LeadStatus.REVIEW_DEADLINE_MISSED, "The imaging review is past its target time", details(task));
    }

    public Mono<Void> completed(ReviewTask task, ReviewDecision decision) {
        ReviewStatusDetails.Builder details = details(task)
                .setOutcome(decision.outcome())
                .setRecommendedProcedure(decision.recommendedProcedure())
                .setNextStep(decision.nextStep())
                .setInformationNeeded(decision.informationNeeded())
                .setCondition(task.clinical().condition());
        return report(task, LeadStatus.REVIEW_COMPLETED, "A clinician completed the imaging review", details);
    }

    private ReviewStatusDetails.Builder details(ReviewTask task) {
        Instant now = ReviewTime.now(clock);
        return ReviewStatusDetails.newBuilder()
                .setReviewId(task.reviewId())
                .setPriority(task.priority())
                .setDueAt(task.dueAt())
                .setStaleImaging(task.staleImagingOn(policy.calendar().dateAt(now)));
    }

    /** Reactive, in the R2DBC transaction of an HTTP request or of the queue sweep. */
    private Mono<Void> report(ReviewTask task, LeadStatus status, String summary, ReviewStatusDetails.Builder details) {
        return outbox.record(Topics.LEADS_STATUS, task.leadId(), event(task, status, summary, details)).then();
    }

    /** Blocking, in the JDBC transaction of a consumer's poll. */
    private void add(Event<?> cause, ReviewTask task, LeadStatus status, String summary,
            ReviewStatusDetails.Builder details) {
        outbox.add(cause, Topics.LEADS_STATUS, task.leadId(), event(task, status, summary, details));
    }

    private LeadStatusChanged event(ReviewTask task, LeadStatus status, String summary,
            ReviewStatusDetails.Builder details) {
        return LeadStatusChanged.newBuilder()
                .setLeadId(task.leadId())
                .setOccurredAt(ReviewTime.now(clock))
                .setReporter(Reporter.REVIEW)
                .setStage(Stage.REVIEW)
                .setStatus(status)
                .setSummary(summary)
                .setReview(details.build())
                .setInsurance(null)
                .setMatch(null)
                .build();
    }
}
