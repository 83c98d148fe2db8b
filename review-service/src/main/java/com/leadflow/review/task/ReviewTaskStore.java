package com.leadflow.review.task;

import static com.leadflow.review.task.ReviewTaskRows.bind;
import static com.leadflow.review.task.ReviewTaskRows.join;
import static com.leadflow.review.task.ReviewTaskRows.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Review tasks and their imaging references in the service's own schema. */
@Repository
public class ReviewTaskStore {

    private final DatabaseClient db;

    public ReviewTaskStore(DatabaseClient db) {
        this.db = db;
    }

    /** Adds a task unless its lead already has one; returns whether it was added. */
    public Mono<Boolean> insert(ReviewTask task) {
        ClinicalSummary c = task.clinical();
        GenericExecuteSpec spec = db.sql("""
                insert into review_task (review_id, lead_id, status, priority, spine_condition, symptoms, red_flags,
                    pain_level, pain_duration, treatments_tried, procedure_of_interest, age, submitted_at, queued_at,
                    due_at, latest_study_date)
                values (:reviewId, :leadId, :status, :priority, :condition, :symptoms, :redFlags, :painLevel,
                    :painDuration, :treatments, :procedure, :age, :submittedAt, :queuedAt, :dueAt, :latestStudyDate)
                on conflict do nothing""")
                .bind("reviewId", task.reviewId())
                .bind("leadId", task.leadId())
                .bind("status", task.status().name())
                .bind("priority", task.priority().name())
                .bind("condition", c.condition().name())
                .bind("symptoms", join(c.symptoms()))
                .bind("redFlags", join(c.redFlags()))
                .bind("painDuration", c.painDuration())
                .bind("treatments", join(c.treatmentsTried()))
                .bind("age", c.age())
                .bind("submittedAt", utc(task.submittedAt()));
        spec = bind(spec, "painLevel", c.painLevel(), Integer.class);
        spec = bind(spec, "procedure", c.procedureOfInterest() == null ? null : c.procedureOfInterest().name(), String.class);
        spec = bind(spec, "queuedAt", utc(task.queuedAt()), OffsetDateTime.class);
        spec = bind(spec, "dueAt", utc(task.dueAt()), OffsetDateTime.class);
        spec = bind(spec, "latestStudyDate", task.latestStudyDate(), LocalDate.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Keeps an imaging reference of a lead with its series; the same reference twice is kept once. */
    public Mono<Void> addImaging(String leadId, ImagingStudy study) {
        GenericExecuteSpec spec = db.sql("""
                insert into review_imaging (lead_id, imaging_id, modality, file_format, size_bytes, study_date, uploaded_at,
                    study_description, body_part)
                values (:leadId, :imagingId, :modality, :format, :size, :studyDate, :uploadedAt, :description, :bodyPart)
                on conflict do nothing""")
                .bind("leadId", leadId)
                .bind("imagingId", study.imagingId())
                .bind("modality", study.modality())
                .bind("format", study.format())
                .bind("size", study.sizeBytes())
                .bind("uploadedAt", utc(study.uploadedAt()));
        spec = bind(spec, "studyDate", study.studyDate(), LocalDate.class);
        spec = bind(spec, "description", study.studyDescription(), String.class);
        spec = bind(spec, "bodyPart", study.bodyPart(), String.class);
        return spec.then().thenMany(Flux.fromIterable(study.series())
                .concatMap(series -> addSeries(leadId, study.imagingId(), series))).then();
    }

    private Mono<Void> addSeries(String leadId, String imagingId, ImagingStudy.Series series) {
        GenericExecuteSpec spec = db.sql("""
                insert into review_imaging_series (lead_id, imaging_id, series_index, series_uid, series_number, modality,
                    description, body_part, image_count)
                values (:leadId, :imagingId, :index, :uid, :number, :modality, :description, :bodyPart, :count)
                on conflict do nothing""")
                .bind("leadId", leadId).bind("imagingId", imagingId).bind("index", series.index())
                .bind("uid", series.seriesUid()).bind("count", series.imageCount());
        spec = bind(spec, "number", series.seriesNumber(), Integer.class);
        spec = bind(spec, "modality", series.modality(), String.class);
        spec = bind(spec, "description", series.description(), String.class);
        spec = bind(spec, "bodyPart", series.bodyPart(), String.class);
        return spec.then();
    }

    /** A lead's imaging in upload order, each study with its series. */
    public Flux<ImagingStudy> imagingOf(String leadId) {
        Mono<Map<String, List<ImagingStudy.Series>>> series = db.sql("""
                        select * from review_imaging_series where lead_id = :leadId order by imaging_id, series_index""")
                .bind("leadId", leadId)
                .map((row, meta) -> Map.entry(row.get("imaging_id", String.class), ReviewTaskRows.series(row)))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return series.flatMapMany(byImaging -> db.sql(
                        "select * from review_imaging where lead_id = :leadId order by uploaded_at, imaging_id")
                .bind("leadId", leadId).map(ReviewTaskRows::imaging).all()
                .map(study -> study.withSeries(byImaging.getOrDefault(study.imagingId(), List.of()))));
    }

    public Mono<ReviewTask> find(String reviewId) {
        return db.sql("select * from review_task where review_id = :id").bind("id", reviewId)
                .map(ReviewTaskRows::task).one();
    }

    public Mono<ReviewTask> findByLead(String leadId) {
        return db.sql("select * from review_task where lead_id = :leadId").bind("leadId", leadId)
                .map(ReviewTaskRows::task).one();
    }

    /** Every review in the queue or in someone's hands, in no particular order. */
    public Flux<ReviewTask> open() {
        return db.sql("select * from review_task where status in ('QUEUED', 'IN_PROGRESS')")
                .map(ReviewTaskRows::task).all();
    }

    public Flux<ReviewTask> awaitingImaging() {
        return db.sql("select * from review_task where status = 'AWAITING_IMAGING' order by submitted_at")
                .map(ReviewTaskRows::task).all();
    }

    /** Open reviews past their deadline whose miss was not reported yet. */
    public Flux<ReviewTask> overdueUnreported(Instant now) {
        return db.sql("""
                select * from review_task where status in ('QUEUED', 'IN_PROGRESS')
                  and due_at <= :now and deadline_missed_at is null""")
                .bind("now", utc(now)).map(ReviewTaskRows::task).all();
    }

    /** Reviews whose lease ran out and that nobody claimed since. */
    public Flux<ReviewTask> expiredLeases(Instant now) {
        return db.sql("select * from review_task where status = 'IN_PROGRESS' and lease_expires_at <= :now")
                .bind("now", utc(now)).map(ReviewTaskRows::task).all();
    }

    /** Records the newest study date after imaging arrived. */
    public Mono<Void> updateLatestStudyDate(String leadId, LocalDate latest) {
        return bind(db.sql("update review_task set latest_study_date = :latest where lead_id = :leadId")
                .bind("leadId", leadId), "latest", latest, LocalDate.class).then();
    }

    /** Moves a review that waited for imaging into the queue; false when it was not waiting. */
    public Mono<Boolean> queueAwaiting(String leadId, Instant queuedAt, Instant dueAt) {
        return db.sql("""
                update review_task set status = 'QUEUED', queued_at = :queuedAt, due_at = :dueAt
                where lead_id = :leadId and status = 'AWAITING_IMAGING'""")
                .bind("leadId", leadId).bind("queuedAt", utc(queuedAt)).bind("dueAt", utc(dueAt))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Puts a review that asked for more information back in the queue with a fresh deadline, keeping
     * the earlier outcome on record until the next one replaces it; false when it was not waiting.
     */
    public Mono<Boolean> reopenForNewInformation(String leadId, Instant queuedAt, Instant dueAt) {
        return db.sql("""
                update review_task set status = 'QUEUED', queued_at = :queuedAt, due_at = :dueAt,
                    deadline_missed_at = null, claimed_by = null, claimed_at = null, first_claimed_at = null,
                    lease_expires_at = null
                where lead_id = :leadId and status = 'COMPLETED' and outcome = 'NEEDS_MORE_INFORMATION'""")
                .bind("leadId", leadId).bind("queuedAt", utc(queuedAt)).bind("dueAt", utc(dueAt))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Marks a missed deadline once; false when it was already marked. */
    public Mono<Boolean> markDeadlineMissed(String reviewId, Instant now) {
        return db.sql("""
                update review_task set deadline_missed_at = :now
                where review_id = :id and deadline_missed_at is null and status in ('QUEUED', 'IN_PROGRESS')""")
                .bind("id", reviewId).bind("now", utc(now))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }
}
