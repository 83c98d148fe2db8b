package com.leadflow.insurance.check;

import com.leadflow.platform.db.Columns;

import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.platform.db.ConsumerDatabase;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The eligibility_check table. Updates that count an attempt or end a check are guarded by the
 * attempts counted so far, so an attempt is applied once however often its record is delivered.
 *
 * <p>Two paths to one table: R2DBC for the HTTP handlers and the stalled-check sweep, JDBC
 * ({@link ConsumerDatabase}) for the Kafka consumers, whose threads block on their database work
 * anyway and for which JDBC costs a fraction of the CPU (the platform README's "R2DBC against
 * JDBC"). The JDBC methods join the transaction their thread runs in (the poll's, or
 * {@link ConsumerDatabase#inTransaction}).
 */
@Component
public class CheckStore {

    /** Named parameters, which both paths read: R2DBC's {@code DatabaseClient} and Spring's named-parameter JDBC. */
    private static final String INSERT = """
            insert into eligibility_check (id, lead_id, requested_by, payer_id, payer_name, member_id, group_number,
                subscriber_relationship, subscriber_first_name, subscriber_last_name, subscriber_date_of_birth,
                state, attempts, version, next_attempt_at, deadline_at, created_at, completed_at, reason,
                patient_can_fix)
            values (:id, :leadId, :requestedBy, :payerId, :payerName, :memberId, :groupNumber, :relationship,
                :firstName, :lastName, :dob, :state, 0, 0, :nextAttemptAt, :deadlineAt, :createdAt, :completedAt,
                :reason, :patientCanFix)""";

    private final DatabaseClient db;
    private final ConsumerDatabase jdbc;

    public CheckStore(DatabaseClient db, ConsumerDatabase jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    public Mono<Void> insert(EligibilityCheck c) {
        GenericExecuteSpec spec = db.sql(INSERT)
                .bind("id", c.id())
                .bind("leadId", c.leadId())
                .bind("requestedBy", c.requestedBy())
                .bind("payerName", c.payerName())
                .bind("memberId", c.memberId())
                .bind("relationship", c.subscriberRelationship())
                .bind("firstName", c.subscriber().firstName())
                .bind("lastName", c.subscriber().lastName())
                .bind("dob", c.subscriber().dateOfBirth())
                .bind("state", c.state().name())
                .bind("deadlineAt", utc(c.deadlineAt()))
                .bind("createdAt", utc(c.createdAt()))
                .bind("patientCanFix", c.patientCanFix());
        spec = bindNullable(spec, "payerId", c.payerId(), String.class);
        spec = bindNullable(spec, "groupNumber", c.groupNumber(), String.class);
        spec = bindNullable(spec, "nextAttemptAt", utc(c.nextAttemptAt()), OffsetDateTime.class);
        spec = bindNullable(spec, "completedAt", utc(c.completedAt()), OffsetDateTime.class);
        spec = bindNullable(spec, "reason", c.reason(), String.class);
        return spec.then();
    }

    /**
     * Inserts a poll's new checks in the JDBC transaction of this thread, as one batch (which pgjdbc
     * sends as multi-row inserts): a poll of twenty leads writes its checks in one round trip.
     */
    public void insertAll(List<EligibilityCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = checks.stream().map(c -> new MapSqlParameterSource()
                .addValue("id", c.id())
                .addValue("leadId", c.leadId())
                .addValue("requestedBy", c.requestedBy())
                .addValue("payerId", c.payerId(), Types.VARCHAR)
                .addValue("payerName", c.payerName())
                .addValue("memberId", c.memberId())
                .addValue("groupNumber", c.groupNumber(), Types.VARCHAR)
                .addValue("relationship", c.subscriberRelationship())
                .addValue("firstName", c.subscriber().firstName())
                .addValue("lastName", c.subscriber().lastName())
                .addValue("dob", c.subscriber().dateOfBirth())
                .addValue("state", c.state().name())
                .addValue("nextAttemptAt", utc(c.nextAttemptAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("deadlineAt", utc(c.deadlineAt()))
                .addValue("createdAt", utc(c.createdAt()))
                .addValue("completedAt", utc(c.completedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("reason", c.reason(), Types.VARCHAR)
                .addValue("patientCanFix", c.patientCanFix()))
                .toArray(SqlParameterSource[]::new);
        jdbc.jdbcTemplate().batchUpdate(INSERT, rows);
    }

    /** Checks in progress whose next attempt is overdue: their record on the checks topic was lost. */
    public Flux<EligibilityCheck> stalled(Instant now, int limit) {
        return db.sql("""
                select * from eligibility_check where state = 'IN_PROGRESS' and next_attempt_at <= :now
                order by next_attempt_at limit :limit""")
                .bind("now", utc(now)).bind("limit", limit)
                .map((row, meta) -> read(row::get)).all();
    }

    /** Gives a stalled check a new deadline before it is sent again; false when another instance did first. */
    public Mono<Boolean> rearm(EligibilityCheck check, Instant stalledAfter) {
        return db.sql("""
                update eligibility_check set version = version + 1, next_attempt_at = :until
                where id = :id and version = :version and state = 'IN_PROGRESS'""")
                .bind("until", utc(stalledAfter)).bind("id", check.id()).bind("version", check.version())
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /**
     * An update of a check in progress guarded by the attempts it had counted ({@code :seen}): it
     * changes nothing when that attempt was counted meanwhile or the check ended (a lost update).
     * {@link OutcomeStore} runs it alone or as the first part of one statement.
     */
    record GuardedUpdate(String sql, MapSqlParameterSource params) {
    }

    /**
     * Counts a transient attempt (JDBC, in this thread's transaction): the check stays in progress,
     * its next attempt due before {@code stalledAfter}. False when attempt {@code seenAttempts + 1}
     * was already counted.
     */
    public boolean countTransient(UUID id, int seenAttempts, Instant stalledAfter, String payerCode) {
        return update(countingTransient(id, seenAttempts, stalledAfter, payerCode));
    }

    static GuardedUpdate countingTransient(UUID id, int seenAttempts, Instant stalledAfter, String payerCode) {
        return new GuardedUpdate("""
                update eligibility_check set version = version + 1, attempts = :attempts, next_attempt_at = :until,
                    payer_code = :code
                where id = :id and state = 'IN_PROGRESS' and attempts = :seen""", new MapSqlParameterSource()
                .addValue("attempts", seenAttempts + 1)
                .addValue("until", utc(stalledAfter))
                .addValue("code", payerCode, Types.VARCHAR)
                .addValue("id", id)
                .addValue("seen", seenAttempts));
    }

    /**
     * Ends a check in progress that has made {@code seenAttempts} attempts, now {@code attempts}
     * (JDBC, in this thread's transaction); false when it had moved on (ended, or another attempt
     * was counted meanwhile).
     */
    public boolean finish(UUID id, int seenAttempts, int attempts, CheckState state, Verdict verdict, Instant now) {
        return update(finishing(id, seenAttempts, attempts, state, verdict, now));
    }

    static GuardedUpdate finishing(UUID id, int seenAttempts, int attempts, CheckState state, Verdict verdict,
            Instant now) {
        Coverage c = verdict.coverage();
        return new GuardedUpdate("""
                update eligibility_check set version = version + 1, state = :state, completed_at = :now,
                    next_attempt_at = null, coverage_active = :active, plan_name = :plan, coverage_start = :start,
                    coverage_end = :end, network = :network, copay_cents = :copay, coinsurance_percent = :coinsurance,
                    deductible_remaining_cents = :deductible, out_of_pocket_remaining_cents = :oop,
                    prior_authorization_required = :priorAuth, payer_code = :code, reason = :reason,
                    patient_can_fix = :canFix, coverages_returned = :returned, attempts = :attempts
                where id = :id and state = 'IN_PROGRESS' and attempts = :seen""", new MapSqlParameterSource()
                .addValue("state", state.name())
                .addValue("now", utc(now))
                .addValue("active", c == null ? null : c.active(), Types.BOOLEAN)
                .addValue("plan", c == null ? null : c.planName(), Types.VARCHAR)
                .addValue("start", c == null ? null : c.start(), Types.DATE)
                .addValue("end", c == null ? null : c.end(), Types.DATE)
                .addValue("network", c == null ? null : c.network().name(), Types.VARCHAR)
                .addValue("copay", c == null ? null : c.copayCents(), Types.BIGINT)
                .addValue("coinsurance", c == null ? null : c.coinsurancePercent(), Types.INTEGER)
                .addValue("deductible", c == null ? null : c.deductibleRemainingCents(), Types.BIGINT)
                .addValue("oop", c == null ? null : c.outOfPocketRemainingCents(), Types.BIGINT)
                .addValue("priorAuth", c == null ? null : c.priorAuthorizationRequired(), Types.BOOLEAN)
                .addValue("code", verdict.payerCode(), Types.VARCHAR)
                .addValue("reason", verdict.reason(), Types.VARCHAR)
                .addValue("canFix", verdict.patientCanFix())
                .addValue("returned", verdict.coverages().size())
                .addValue("attempts", attempts)
                .addValue("id", id)
                .addValue("seen", seenAttempts));
    }

    private boolean update(GuardedUpdate update) {
        return jdbc.jdbcTemplate().update(update.sql(), update.params()) == 1;
    }

    /** The check (JDBC, in this thread's transaction or {@link ConsumerDatabase#read}), or empty when there is none. */
    public Optional<EligibilityCheck> find(UUID id) {
        return jdbc.jdbc().sql("select * from eligibility_check where id = :id").param("id", id)
                .query((rs, rowNum) -> read(Columns.of(rs))).optional();
    }

    /**
     * Locks the lead's checks until the transaction ends, so two re-checks of one lead take turns:
     * the second then reads the first one's new check (read it with {@link #forLead} afterwards).
     */
    public Mono<Void> lockLead(String leadId) {
        return db.sql("select id from eligibility_check where lead_id = :leadId order by id for update")
                .bind("leadId", leadId).fetch().all().then();
    }

    public Flux<EligibilityCheck> forLead(String leadId) {
        return db.sql("select * from eligibility_check where lead_id = :leadId order by created_at desc, id")
                .bind("leadId", leadId).map((row, meta) -> read(row::get)).all();
    }

    static EligibilityCheck read(Columns row) {
        String network = row.get("network", String.class);
        Boolean active = row.get("coverage_active", Boolean.class);
        Coverage coverage = active == null ? null : new Coverage(active, row.get("plan_name", String.class),
                row.get("coverage_start", LocalDate.class), row.get("coverage_end", LocalDate.class),
                network == null ? Network.UNKNOWN : Network.valueOf(network), row.get("copay_cents", Long.class),
                row.get("coinsurance_percent", Integer.class), row.get("deductible_remaining_cents", Long.class),
                row.get("out_of_pocket_remaining_cents", Long.class),
                row.get("prior_authorization_required", Boolean.class), null);
        String code = row.get("payer_code", String.class);
        return new EligibilityCheck(row.get("id", UUID.class), row.get("lead_id", String.class),
                row.get("requested_by", String.class), row.get("payer_id", String.class),
                row.get("payer_name", String.class), row.get("member_id", String.class),
                row.get("group_number", String.class), row.get("subscriber_relationship", String.class),
                new Subscriber(row.get("subscriber_first_name", String.class),
                        row.get("subscriber_last_name", String.class),
                        row.get("subscriber_date_of_birth", LocalDate.class)),
                CheckState.valueOf(row.get("state", String.class)), number(row.get("attempts", Integer.class)),
                number(row.get("version", Integer.class)), instant(row.get("next_attempt_at", OffsetDateTime.class)),
                instant(row.get("deadline_at", OffsetDateTime.class)), instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("completed_at", OffsetDateTime.class)), coverage,
                code == null || code.isEmpty() ? null : code, row.get("reason", String.class),
                Boolean.TRUE.equals(row.get("patient_can_fix", Boolean.class)),
                number(row.get("coverages_returned", Integer.class)));
    }


    static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }
}
