package com.leadflow.review.queue;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.ImagingSeries;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.review.status.ReviewStatusEvents;
import com.leadflow.review.task.AdmissionStore;
import com.leadflow.review.task.ImagingStudy;
import com.leadflow.review.task.ReviewStatus;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns submitted leads and late imaging into review tasks. Runs on the listener's thread inside
 * the poll's JDBC transaction, so the task, its imaging and its status event commit together.
 * A lead is reviewed at most once: its id is unique among tasks.
 */
@Service
public class ReviewAdmissions {

    private static final Logger log = LoggerFactory.getLogger(ReviewAdmissions.class);

    private final AdmissionStore store;
    private final LeadToTask leadToTask;
    private final DeadlinePolicy policy;
    private final ReviewStatusEvents reports;
    private final Clock clock;

    public ReviewAdmissions(AdmissionStore store, LeadToTask leadToTask, DeadlinePolicy policy,
            ReviewStatusEvents reports, Clock clock) {
        this.store = store;
        this.leadToTask = leadToTask;
        this.policy = policy;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * Submitted leads, in their order: each is queued, left to wait for imaging, or left alone (see
     * {@link Admission}). The poll's leads are written together (their imaging, then their tasks, each
     * in multi-row statements) and reported in order; a lead that comes twice in the poll starts a new
     * group, so that its second event sees what its first one wrote, as when applied one by one.
     */
    public void leadsSubmitted(List<Event<LeadSubmitted>> events) {
        List<Event<LeadSubmitted>> group = new ArrayList<>();
        Set<String> leads = new HashSet<>();
        for (Event<LeadSubmitted> event : events) {
            String leadId = event.value().getLeadId();
            if (!leads.add(leadId)) {
                admit(group);
                group.clear();
                leads.clear();
                leads.add(leadId);
            }
            group.add(event);
        }
        admit(group);
    }

    /** Admits leads that differ from one another. */
    private void admit(List<Event<LeadSubmitted>> events) {
        if (events.isEmpty()) {
            return;
        }
        List<AdmissionStore.LeadImaging> sent = new ArrayList<>();
        for (Event<LeadSubmitted> event : events) {
            LeadSubmitted lead = event.value();
            requireLeadId(lead.getLeadId());
            List<ImagingReference> imaging = lead.getImaging() == null ? List.of() : lead.getImaging();
            imaging.forEach(ref -> sent.add(new AdmissionStore.LeadImaging(lead.getLeadId(), study(ref))));
        }
        store.addImaging(sent);
        // imaging attached through the status link may have been read before the lead itself
        Map<String, List<ImagingStudy>> imaging =
                store.imagingOf(events.stream().map(event -> event.value().getLeadId()).toList());
        Instant now = ReviewTime.now(clock);
        List<Admitted> admitted = new ArrayList<>();
        for (Event<LeadSubmitted> event : events) {
            LeadSubmitted lead = event.value();
            boolean requested = lead.getRequestedServices() != null
                    && lead.getRequestedServices().contains(ServiceType.MRI_CT_REVIEW);
            List<ImagingStudy> studies = imaging.getOrDefault(lead.getLeadId(), List.of());
            Admission.admit(requested, !studies.isEmpty()).ifPresent(status -> admitted.add(new Admitted(event,
                    leadToTask.task(lead, status, ImagingStudy.latestStudyDate(studies), now))));
        }
        Set<String> added = store.addTasks(admitted.stream().map(Admitted::task).toList());
        for (Admitted each : admitted) {
            ReviewTask task = each.task();
            each.event().withMdc(() -> {
                if (!added.contains(task.leadId())) {
                    log.info("Lead {} already has a review; nothing changed", task.leadId());
                    return;
                }
                // the lead's one INFO line is intake's; per-lead lines here cost every lead a log write
                log.debug("Review {} created for lead {} as {}", task.reviewId(), task.leadId(), task.status());
                if (task.status() == ReviewStatus.QUEUED) {
                    reports.queued(each.event(), task);
                } else {
                    reports.awaitingImaging(each.event(), task);
                }
            });
        }
    }

    private record Admitted(Event<LeadSubmitted> event, ReviewTask task) {
    }

    /**
     * Imaging arrived later: a review that waited for it joins the queue, and so does one whose
     * clinician asked for more information; the deadline counts from now.
     */
    public void imagingAttached(Event<ImagingAttached> event) {
        ImagingAttached attached = event.value();
        requireLeadId(attached.getLeadId());
        if (attached.getImaging() == null || attached.getImaging().getImagingId() == null
                || attached.getImaging().getImagingId().isBlank()) {
            throw new EventRejectedException("imaging.imagingId: required");
        }
        String leadId = attached.getLeadId();
        Instant now = ReviewTime.now(clock);
        store.addImaging(List.of(new AdmissionStore.LeadImaging(leadId, study(attached.getImaging()))));
        List<ImagingStudy> studies = store.imagingOf(List.of(leadId)).getOrDefault(leadId, List.of());
        store.updateLatestStudyDate(leadId, ImagingStudy.latestStudyDate(studies));
        store.findByLead(leadId).ifPresent(task -> {
            Instant dueAt = policy.dueAt(task.priority(), now);
            if (task.status() == ReviewStatus.AWAITING_IMAGING && store.queueAwaiting(leadId, now, dueAt)) {
                store.findByLead(leadId).ifPresent(queued -> reports.queued(event, queued));
            } else if (task.status() == ReviewStatus.COMPLETED && store.reopenForNewInformation(leadId, now, dueAt)) {
                store.findByLead(leadId).ifPresent(reopened -> reports.reopened(event, reopened));
            }
        });
        log.info("Imaging added to lead {}", leadId);
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
