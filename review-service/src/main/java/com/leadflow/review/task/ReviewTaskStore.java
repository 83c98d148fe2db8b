package com.leadflow.review.task;

import static com.leadflow.review.task.ReviewTaskRows.utc;

import com.leadflow.events.ReviewPriority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Review tasks and their imaging references in the service's own schema, as the clinicians' HTTP
 * side and the queue sweep read and change them (R2DBC); the Kafka consumers write through
 * {@link AdmissionStore} on JDBC.
 */
@Repository
public class ReviewTaskStore {

    private final DatabaseClient db;

    public ReviewTaskStore(DatabaseClient db) {
        this.db = db;
    }

    /** A lead's imaging in upload order, each study with its series. */
    public Flux<ImagingStudy> imagingOf(String leadId) {
        Mono<Map<String, List<ImagingStudy.Series>>> series = db.sql("""
                        select * from review_imaging_series where lead_id = :leadId order by imaging_id, series_index""")
                .bind("leadId", leadId)
                .map((row, meta) -> Map.entry(row.get("imaging_id", String.class), ReviewTaskRows.series(row::get)))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return series.flatMapMany(byImaging -> db.sql(
                        "select * from review_imaging where lead_id = :leadId order by uploaded_at, imaging_id")
                .bind("leadId", leadId).map(row -> ReviewTaskRows.imaging(row::get)).all()
                .map(study -> study.withSeries(byImaging.getOrDefault(study.imagingId(), List.of()))));
    }

    public Mono<ReviewTask> find(String reviewId) {
        return db.sql("select * from review_task where review_id = :id").bind("id", reviewId)
                .map(row -> ReviewTaskRows.task(row::get)).one();
    }

    /** Every review in the queue or in someone's hands, in no particular order. */
    public Flux<ReviewTask> open() {
        return db.sql("select * from review_task where status in ('QUEUED', 'IN_PROGRESS')")
                .map(row -> ReviewTaskRows.task(row::get)).all();
    }

    /**
     * How many reviews a clinician could claim now, per priority: queued ones, and those whose lease
     * ran out ({@code Lease.isClaimable} in SQL). Counted by the database, so the answer is a row per
     * priority however long the queue is.
     */
    public Mono<Map<ReviewPriority, Long>> claimableByPriority(Instant now) {
        return db.sql("""
                select priority, count(*) as n from review_task
                where status = 'QUEUED'
                   or (status = 'IN_PROGRESS' and (lease_expires_at is null or lease_expires_at <= :now))
                group by priority""")
                .bind("now", utc(now))
                .map(row -> Map.entry(ReviewPriority.valueOf(row.get("priority", String.class)),
                        row.get("n", Number.class).longValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public Flux<ReviewTask> awaitingImaging() {
        return db.sql("select * from review_task where status = 'AWAITING_IMAGING' order by submitted_at")
                .map(row -> ReviewTaskRows.task(row::get)).all();
    }

    /** Open reviews past their deadline whose miss was not reported yet. */
    public Flux<ReviewTask> overdueUnreported(Instant now) {
        return db.sql("""
                select * from review_task where status in ('QUEUED', 'IN_PROGRESS')
                  and due_at <= :now and deadline_missed_at is null""")
                .bind("now", utc(now)).map(row -> ReviewTaskRows.task(row::get)).all();
    }

    /** Reviews whose lease ran out and that nobody claimed since. */
    public Flux<ReviewTask> expiredLeases(Instant now) {
        return db.sql("select * from review_task where status = 'IN_PROGRESS' and lease_expires_at <= :now")
                .bind("now", utc(now)).map(row -> ReviewTaskRows.task(row::get)).all();
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
