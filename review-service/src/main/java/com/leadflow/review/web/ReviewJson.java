package com.leadflow.review.web;

import com.leadflow.review.config.ReviewProperties;
import com.leadflow.review.queue.BusinessCalendar;
import com.leadflow.review.queue.ReviewQueue.ReviewWithImaging;
import com.leadflow.review.task.ImagingStudy;
import com.leadflow.review.task.ReviewStatus;
import com.leadflow.review.task.ReviewTask;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The shapes the API answers with; the lead's identity beyond its id never appears. */
final class ReviewJson {

    private ReviewJson() {
    }

    record QueueItem(String reviewId, String leadId, String status, String priority, String condition, Instant dueAt,
            Long secondsLeft, boolean overdue, boolean staleImaging, String claimedBy, Instant leaseExpiresAt) {
    }

    record Imaging(String imagingId, String modality, String format, long sizeBytes, LocalDate studyDate,
            boolean stale, String url) {
    }

    record Outcome(String outcome, String recommendedProcedure, String nextStep, String informationNeeded,
            String notes, String completedBy, Instant completedAt) {
    }

    record Task(String reviewId, String leadId, String status, String priority, String condition, List<String> symptoms,
            List<String> redFlags, Integer painLevel, String painDuration, List<String> treatmentsTried,
            String procedureOfInterest, int age, Instant dueAt, Long secondsLeft, boolean overdue,
            boolean staleImaging, String claimedBy, Instant leaseExpiresAt, List<Imaging> imaging, Outcome outcome) {
    }

    static QueueItem item(ReviewTask task, Instant now, BusinessCalendar calendar) {
        return new QueueItem(task.reviewId(), task.leadId(), task.statusAt(now).name(), task.priority().name(),
                task.clinical().condition().name(), task.dueAt(), seconds(task.timeLeftAt(now)), task.isOverdueAt(now),
                task.staleImagingOn(calendar.dateAt(now)), holder(task, now), lease(task, now));
    }

    static Task task(ReviewWithImaging review, Instant now, BusinessCalendar calendar, ReviewProperties properties) {
        ReviewTask task = review.task();
        LocalDate today = calendar.dateAt(now);
        var c = task.clinical();
        List<Imaging> imaging = review.imaging().stream()
                .map(study -> imaging(study, today, properties)).toList();
        var d = task.decision();
        Outcome outcome = d == null ? null : new Outcome(d.outcome().name(), name(d.recommendedProcedure()),
                name(d.nextStep()), name(d.informationNeeded()), d.notes(), task.completedBy(), task.completedAt());
        return new Task(task.reviewId(), task.leadId(), task.statusAt(now).name(), task.priority().name(),
                c.condition().name(), c.symptoms(), c.redFlags(), c.painLevel(), c.painDuration(), c.treatmentsTried(),
                name(c.procedureOfInterest()), c.age(), task.dueAt(), seconds(task.timeLeftAt(now)),
                task.isOverdueAt(now), task.staleImagingOn(today), holder(task, now), lease(task, now), imaging, outcome);
    }

    private static Imaging imaging(ImagingStudy study, LocalDate today, ReviewProperties properties) {
        return new Imaging(study.imagingId(), study.modality(), study.format(), study.sizeBytes(), study.studyDate(),
                study.isStale(today), properties.imagingUrl(study.imagingId()));
    }

    private static String holder(ReviewTask task, Instant now) {
        return task.statusAt(now) == ReviewStatus.IN_PROGRESS ? task.claimedBy() : null;
    }

    private static Instant lease(ReviewTask task, Instant now) {
        return task.statusAt(now) == ReviewStatus.IN_PROGRESS ? task.leaseExpiresAt() : null;
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
