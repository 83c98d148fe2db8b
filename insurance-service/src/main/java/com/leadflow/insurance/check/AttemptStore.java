package com.leadflow.insurance.check;

import com.leadflow.platform.db.Columns;

import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.platform.db.ConsumerDatabase;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The eligibility_attempt table: each call to a payer, its timing and what it meant. No PHI.
 * Written by the attempts' listener on JDBC ({@link ConsumerDatabase}, in its thread's
 * transaction); read on R2DBC for the HTTP handlers and on JDBC for the listener.
 */
@Component
public class AttemptStore {

    public record Attempt(int attempt, Instant startedAt, long durationMs, String verdict, String payerCode,
            String detail) {
    }

    private static final String FOR_CHECK = """
            select attempt, started_at, duration_ms, verdict, payer_code, detail from eligibility_attempt
            where check_id = :checkId order by attempt""";

    private final DatabaseClient db;
    private final ConsumerDatabase jdbc;

    public AttemptStore(DatabaseClient db, ConsumerDatabase jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** The insert of an attempt's row, to be followed by {@code values (ROW)} or {@code select ROW from ...}. */
    static final String INSERT = """
            insert into eligibility_attempt (check_id, attempt, started_at, duration_ms, verdict, payer_code, detail)""";
    /** An attempt's values, by the names {@link #bindRow} binds. */
    static final String ROW = ":checkId, :attempt, :startedAt, :duration, :verdict, :attemptCode, :detail";

    /** Records an attempt, in this thread's JDBC transaction. */
    public void record(UUID checkId, int attempt, Instant startedAt, Duration took, Verdict verdict) {
        jdbc.jdbcTemplate().update(INSERT + " values (" + ROW + ")",
                bindRow(new MapSqlParameterSource(), checkId, attempt, startedAt, took, verdict));
    }

    /** Adds the values of {@link #ROW} to {@code params}. */
    static MapSqlParameterSource bindRow(MapSqlParameterSource params, UUID checkId, int attempt, Instant startedAt,
            Duration took, Verdict verdict) {
        return params.addValue("checkId", checkId)
                .addValue("attempt", attempt)
                .addValue("startedAt", CheckStore.utc(startedAt))
                .addValue("duration", took.toMillis())
                .addValue("verdict", verdict.kind().name())
                .addValue("attemptCode", verdict.payerCode(), Types.VARCHAR)
                .addValue("detail", verdict.reason(), Types.VARCHAR);
    }

    /** A check's attempts in order, for the HTTP handlers. */
    public Flux<Attempt> forCheck(UUID checkId) {
        return db.sql(FOR_CHECK).bind("checkId", checkId).map((row, meta) -> read(row::get)).all();
    }

    /** A check's attempts in order, in this thread's JDBC transaction. */
    public List<Attempt> forCheckNow(UUID checkId) {
        return jdbc.jdbc().sql(FOR_CHECK).param("checkId", checkId)
                .query((rs, rowNum) -> read(Columns.of(rs))).list();
    }

    private static Attempt read(Columns row) {
        return new Attempt(row.get("attempt", Integer.class), row.get("started_at", OffsetDateTime.class).toInstant(),
                row.get("duration_ms", Long.class), row.get("verdict", String.class),
                row.get("payer_code", String.class), row.get("detail", String.class));
    }
}
