package com.leadflow.review.claim;

import com.leadflow.review.outcome.ReviewDecision;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The lease changes, each a single conditional UPDATE: the database decides who wins, so two
 * clinicians claiming at once can never both succeed (the loser's WHERE no longer matches once
 * the winner committed). Each returns whether it changed the review.
 */
@Repository
public class LeaseStore {

    /** Queued, or claimed by someone whose lease ran out: the SQL form of {@link Lease#isClaimable}. */
    private static final String CLAIMABLE = "(status = 'QUEUED' or (status = 'IN_PROGRESS' and lease_expires_at <= :now))";
    /** The caller holds an active lease. */
    private static final String HELD_BY_CALLER = "status = 'IN_PROGRESS' and claimed_by = :who and lease_expires_at > :now";

    private final DatabaseClient db;

    public LeaseStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> claim(String reviewId, String who, Instant now, Instant expiresAt) {
        return db.sql("""
                update review_task set status = 'IN_PROGRESS', claimed_by = :who, claimed_at = :now,
                    first_claimed_at = coalesce(first_claimed_at, :now), lease_expires_at = :expiresAt
                where review_id = :id and """ + " " + CLAIMABLE)
                .bind("id", reviewId).bind("who", who).bind("now", utc(now)).bind("expiresAt", utc(expiresAt))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Boolean> renew(String reviewId, String who, Instant now, Instant expiresAt) {
        return db.sql("update review_task set lease_expires_at = :expiresAt where review_id = :id and " + HELD_BY_CALLER)
                .bind("id", reviewId).bind("who", who).bind("now", utc(now)).bind("expiresAt", utc(expiresAt))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Boolean> release(String reviewId, String who, Instant now) {
        return db.sql("""
                update review_task set status = 'QUEUED', claimed_by = null, claimed_at = null, lease_expires_at = null
                where review_id = :id and """ + " " + HELD_BY_CALLER)
                .bind("id", reviewId).bind("who", who).bind("now", utc(now))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Puts a review whose lease ran out back in the queue, unless someone claimed it again meanwhile. */
    public Mono<Boolean> returnExpired(String reviewId, Instant now) {
        return db.sql("""
                update review_task set status = 'QUEUED', claimed_by = null, claimed_at = null, lease_expires_at = null
                where review_id = :id and status = 'IN_PROGRESS' and lease_expires_at <= :now""")
                .bind("id", reviewId).bind("now", utc(now))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Records the outcome; only the holder of an active lease can. */
    public Mono<Boolean> complete(String reviewId, String who, Instant now, ReviewDecision decision) {
        var spec = db.sql("""
                update review_task set status = 'COMPLETED', outcome = :outcome,
                    recommended_procedure = :procedure, next_step = :nextStep, information_needed = :needed,
                    notes = :notes, completed_by = :who, completed_at = :now, lease_expires_at = null
                where review_id = :id and """ + " " + HELD_BY_CALLER)
                .bind("id", reviewId).bind("who", who).bind("now", utc(now))
                .bind("outcome", decision.outcome().name());
        spec = nullable(spec, "procedure", decision.recommendedProcedure());
        spec = nullable(spec, "nextStep", decision.nextStep());
        spec = nullable(spec, "needed", decision.informationNeeded());
        spec = decision.notes() == null ? spec.bindNull("notes", String.class) : spec.bind("notes", decision.notes());
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            Enum<?> value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value.name());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
