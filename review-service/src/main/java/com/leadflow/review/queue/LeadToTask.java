package com.leadflow.review.queue;

import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.Condition;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.PainDuration;
import com.leadflow.events.ReviewPriority;
import com.leadflow.platform.id.TimeOrderedUuid;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.review.task.ClinicalSummary;
import com.leadflow.review.task.ReviewStatus;
import com.leadflow.review.task.ReviewTask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Takes from a lead only what a clinician needs: the clinical profile and the age. The date of
 * birth is turned into an age and dropped; name, contact details and insurance are never copied.
 */
@Component
public class LeadToTask {

    private final DeadlinePolicy policy;

    public LeadToTask(DeadlinePolicy policy) {
        this.policy = policy;
    }

    public ReviewTask task(LeadSubmitted lead, ReviewStatus status, LocalDate latestStudyDate, Instant now) {
        ClinicalProfile profile = lead.getClinical();
        if (profile == null) {
            throw new EventRejectedException("clinical: required");
        }
        ClinicalSummary clinical = new ClinicalSummary(
                profile.getCondition() == null ? Condition.UNKNOWN : profile.getCondition(),
                names(profile.getSymptoms()), names(profile.getRedFlags()), profile.getPainLevel(),
                (profile.getPainDuration() == null ? PainDuration.UNKNOWN : profile.getPainDuration()).name(),
                names(profile.getTreatmentsTried()), profile.getProcedureOfInterest(),
                ageAt(lead.getDateOfBirth(), lead.getSubmittedAt()));
        ReviewPriority priority = Triage.priority(clinical.redFlags());
        boolean queued = status == ReviewStatus.QUEUED;
        return new ReviewTask(TimeOrderedUuid.next().toString(), lead.getLeadId(), status, priority, clinical,
                lead.getSubmittedAt(), queued ? now : null, queued ? policy.dueAt(priority, now) : null, null,
                latestStudyDate, null, null, null, null, null, null);
    }

    /** Whole years on the day the lead was submitted. */
    static int ageAt(LocalDate dateOfBirth, Instant submittedAt) {
        if (dateOfBirth == null || submittedAt == null) {
            throw new EventRejectedException("dateOfBirth and submittedAt: required");
        }
        LocalDate onDay = submittedAt.atZone(ZoneOffset.UTC).toLocalDate();
        if (dateOfBirth.isAfter(onDay)) {
            throw new EventRejectedException("dateOfBirth: must be in the past");
        }
        return Period.between(dateOfBirth, onDay).getYears();
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }
}
