package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The eligibility_attempt table: each call to a payer, its timing and what it meant. No PHI. */
@Component
public class AttemptStore {

    public record Attempt(int attempt, Instant startedAt, long durationMs, String verdict, String payerCode,
            String detail) {
    }

    private final DatabaseClient db;

    public AttemptStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(UUID checkId, int attempt, Instant startedAt, Duration took, Verdict verdict) {
        var spec = db.sql("""
                insert into eligibility_attempt (check_id, attempt, started_at, duration_ms, verdict, payer_code, detail)
                values (:checkId, :attempt, :startedAt, :duration, :verdict, :code, :detail)""")
                .bind("checkId", checkId).bind("attempt", attempt).bind("startedAt", CheckStore.utc(startedAt))
                .bind("duration", took.toMillis()).bind("verdict", verdict.kind().name());
        spec = CheckStore.bindNullable(spec, "code", verdict.payerCode(), String.class);
        spec = CheckStore.bindNullable(spec, "detail", verdict.reason(), String.class);
        return spec.then();
    }

    public Flux<Attempt> forCheck(UUID checkId) {
        return db.sql("""
                select attempt, started_at, duration_ms, verdict, payer_code, detail from eligibility_attempt
                where check_id = :checkId order by attempt""")
                .bind("checkId", checkId)
                .map((row, meta) -> new Attempt(row.get("attempt", Integer.class),
                        row.get("started_at", java.time.OffsetDateTime.class).toInstant(),
                        row.get("duration_ms", Long.class), row.get("verdict", String.class),
                        row.get("payer_code", String.class), row.get("detail", String.class)))
                .all();
    }
}
