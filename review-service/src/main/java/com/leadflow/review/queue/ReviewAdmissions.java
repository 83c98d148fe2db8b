package com.leadflow.review.queue;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.ImagingSeries;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.review.status.ReviewStatusEvents;
import com.leadflow.review.task.ImagingStudy;
import com.leadflow.review.task.ReviewStatus;
import com.leadflow.review.task.ReviewTaskStore;
import com.leadflow.review.task.ReviewTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns submitted leads and late imaging into review tasks. Runs inside the idempotent
 * consumer's transaction, so the task, its imaging and its status event commit together.
 * A lead is reviewed at most once: its id is unique among tasks.
 */
@Service
public class ReviewAdmissions {

    private static final Logger log = LoggerFactory.getLogger(ReviewAdmissions.class);

    private final ReviewTaskStore store;
    private final LeadToTask leadToTask;
    private final DeadlinePolicy policy;
    private final ReviewStatusEvents events;
    private final Clock clock;

    public ReviewAdmissions(ReviewTaskStore store, LeadToTask leadToTask, DeadlinePolicy policy,
            ReviewStatusEvents events, Clock clock) {
        this.store = store;
        this.leadToTask = leadToTask;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** A submitted lead: queue it, let it wait for imaging, or leave it (see {@link Admission}). */
    public Mono<Void> leadSubmitted(LeadSubmitted lead) {
        requireLeadId(lead.getLeadId());
        boolean requested = lead.getRequestedServices() != null && lead.getRequestedServices().contains(ServiceType.MRI_CT_REVIEW);
        List<ImagingReference> imaging = lead.getImaging() == null ? List.of() : lead.getImaging();
        Instant now = ReviewTime.now(clock);
        // imaging attached through the status link may have been read before the lead itself
        return Flux.fromIterable(imaging).concatMap(ref -> store.addImaging(lead.getLeadId(), study(ref)))
                .thenMany(store.imagingOf(lead.getLeadId())).collectList()
                .flatMap(studies -> Mono.justOrEmpty(Admission.admit(requested, !studies.isEmpty()))
                        .map(status -> leadToTask.task(lead, status, ImagingStudy.latestStudyDate(studies), now)))
                .flatMap(task -> store.insert(task).flatMap(added -> {
                    if (!added) {
                        log.info("Lead {} already has a review; nothing changed", lead.getLeadId());
                        return Mono.empty();
                    }
                    // the lead's one INFO line is intake's; per-lead lines here cost every lead a log write
                    log.debug("Review {} created for lead {} as {}", task.reviewId(), task.leadId(), task.status());
                    return task.status() == ReviewStatus.QUEUED ? events.queued(task) : events.awaitingImaging(task);
                }));
    }

    /**
     * Imaging arrived later: a review that waited for it joins the queue, and so does one whose
     * clinician asked for more information; the deadline counts from now.
     */
    public Mono<Void> imagingAttached(ImagingAttached attached) {
        requireLeadId(attached.getLeadId());
        if (attached.getImaging() == null || attached.getImaging().getImagingId() == null
                || attached.getImaging().getImagingId().isBlank()) {
            throw new EventRejectedException("imaging.imagingId: required");
        }
        String leadId = attached.getLeadId();
        Instant now = ReviewTime.now(clock);
        return store.addImaging(leadId, study(attached.getImaging()))
                .then(store.imagingOf(leadId).collectList())
                .flatMap(studies -> store.updateLatestStudyDate(leadId, ImagingStudy.latestStudyDate(studies)))
                .then(store.findByLead(leadId))
                .flatMap(task -> {
                    Instant dueAt = policy.dueAt(task.priority(), now);
                    if (task.status() == ReviewStatus.AWAITING_IMAGING) {
                        return store.queueAwaiting(leadId, now, dueAt).filter(Boolean::booleanValue)
                                .flatMap(queued -> store.findByLead(leadId))
                                .flatMap(events::queued);
                    }
                    if (task.status() == ReviewStatus.COMPLETED) {
                        return store.reopenForNewInformation(leadId, now, dueAt).filter(Boolean::booleanValue)
                                .flatMap(reopened -> store.findByLead(leadId))
                                .flatMap(events::reopened);
                    }
                    return Mono.empty();
                })
                .doOnSuccess(done -> log.info("Imaging added to lead {}", leadId));
    }

    private static void requireLeadId(String leadId) {
        if (leadId == null || leadId.isBlank()) {
            throw new EventRejectedException("leadId: required");
        }
    }

    /** The reference as the task keeps it; a series without a UID cannot be addressed and is refused. */
    static ImagingStudy study(ImagingReference ref) {
        List<ImagingStudy.Series> series = new ArrayList<>();
        List<ImagingSeries> sent = ref.getSeries() == null ? List.of() : ref.getSeries();
        for (int i = 0; i < sent.size(); i++) {
            ImagingSeries s = sent.get(i);
            if (s.getSeriesInstanceUid() == null || s.getSeriesInstanceUid().isBlank() || s.getImageCount() < 0) {
                throw new EventRejectedException("imaging.series[" + i + "]: seriesInstanceUid and imageCount required");
            }
            series.add(new ImagingStudy.Series(i, s.getSeriesInstanceUid(), s.getSeriesNumber(), s.getModality(),
                    s.getDescription(), s.getBodyPart(), s.getImageCount()));
        }
        return new ImagingStudy(ref.getImagingId(), ref.getModality().name(), ref.getFormat().name(), ref.getSizeBytes(),
                ref.getStudyDate(), ref.getUploadedAt(), ref.getStudyDescription(), ref.getBodyPart(), series);
    }
}
