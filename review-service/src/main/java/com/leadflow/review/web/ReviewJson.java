package com.leadflow.review.web;

import com.leadflow.review.queue.BusinessCalendar;
import com.leadflow.review.queue.ReviewQueue.ReviewWithImaging;
import com.leadflow.review.task.ImagingStudy;
import com.leadflow.review.task.ReviewStatus;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.WorklistLine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The shapes the API answers with; the lead's identity beyond its id never appears. */
final class ReviewJson {

    private ReviewJson() {
    }

    /**
     * A worklist row: what a clinician triages by, in words where the page shows it as it is.
     *
     * @param worst the first red flag, else the first symptom, in words
     * @param imaging the newest study in words ("MRI lumbar spine, 3 series, 4 months old")
     */
    record QueueItem(String reviewId, String leadId, String status, String priority, String condition, Instant dueAt,
            Long secondsLeft, boolean overdue, boolean staleImaging, String claimedBy, Instant leaseExpiresAt,
            String ageBand, String worst, boolean hasImaging, String imaging) {
    }

    /**
     * One study or report. {@code url} is review's own link (the file streams from intake with the
     * clinician's sign-in); a series' slices are {@code <url>/series/<index>/instances/<0..imageCount-1>}.
     */
    record Imaging(String imagingId, String modality, String format, long sizeBytes, LocalDate studyDate,
            boolean stale, String url, String studyDescription, String bodyPart, List<Series> series) {
    }

    record Series(int index, String modality, String description, String bodyPart, Integer seriesNumber,
            int imageCount) {
    }

    record Outcome(String outcome, String recommendedProcedure, String nextStep, String informationNeeded,
            String notes, String completedBy, Instant completedAt) {
    }

    record Task(String reviewId, String leadId, String status, String priority, String condition, List<String> symptoms,
            List<String> redFlags, Integer painLevel, String painDuration, List<String> treatmentsTried,
            String procedureOfInterest, int age, Instant dueAt, Long secondsLeft, boolean overdue,
            boolean staleImaging, String claimedBy, Instant leaseExpiresAt, List<Imaging> imaging, Outcome outcome) {
    }

    static QueueItem item(ReviewWithImaging review, Instant now, BusinessCalendar calendar) {
        ReviewTask task = review.task();
        LocalDate today = calendar.dateAt(now);
        return new QueueItem(task.reviewId(), task.leadId(), task.statusAt(now).name(), task.priority().name(),
                task.clinical().condition().name(), task.dueAt(), seconds(task.timeLeftAt(now)), task.isOverdueAt(now),
                task.staleImagingOn(today), holder(task, now), lease(task, now),
                WorklistLine.ageBand(task.clinical().age()), WorklistLine.worst(task.clinical()),
                !review.imaging().isEmpty(), WorklistLine.imaging(review.imaging(), today));
    }

    static Task task(ReviewWithImaging review, Instant now, BusinessCalendar calendar) {
        ReviewTask task = review.task();
        LocalDate today = calendar.dateAt(now);
        var c = task.clinical();
        List<Imaging> imaging = review.imaging().stream()
                .map(study -> imaging(task.reviewId(), study, today)).toList();
        var d = task.decision();
        Outcome outcome = d == null ? null : new Outcome(d.outcome().name(), name(d.recommendedProcedure()),
                name(d.nextStep()), name(d.informationNeeded()), d.notes(), task.completedBy(), task.completedAt());
        return new Task(task.reviewId(), task.leadId(), task.statusAt(now).name(), task.priority().name(),
                c.condition().name(), c.symptoms(), c.redFlags(), c.painLevel(), c.painDuration(), c.treatmentsTried(),
                name(c.procedureOfInterest()), c.age(), task.dueAt(), seconds(task.timeLeftAt(now)),
                task.isOverdueAt(now), task.staleImagingOn(today), holder(task, now), lease(task, now), imaging, outcome);
    }

    private static Imaging imaging(String reviewId, ImagingStudy study, LocalDate today) {
        return new Imaging(study.imagingId(), study.modality(), study.format(), study.sizeBytes(), study.studyDate(),
                study.isStale(today), "/api/reviews/" + reviewId + "/imaging/" + study.imagingId(),
                study.studyDescription(), study.bodyPart(), study.series().stream()
                        .map(s -> new Series(s.index(), s.modality(), s.description(), s.bodyPart(), s.seriesNumber(),
                                s.imageCount()))
                        .toList());
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
