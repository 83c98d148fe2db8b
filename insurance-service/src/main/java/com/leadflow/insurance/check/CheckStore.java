package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.insurance.eligibility.Verdict;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The eligibility_check table. Updates that count an attempt or end a check are guarded by the
 * attempts counted so far, so an attempt is applied once however often its record is delivered.
 */
@Component
public class CheckStore {

    private final DatabaseClient db;

    public CheckStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(EligibilityCheck c) {
        GenericExecuteSpec spec = db.sql("""
                insert into eligibility_check (id, lead_id, requested_by, payer_id, payer_name, member_id, group_number,
                    subscriber_relationship, subscriber_first_name, subscriber_last_name, subscriber_date_of_birth,
                    state, attempts, version, next_attempt_at, deadline_at, created_at, completed_at, reason,
                    patient_can_fix)
                values (:id, :leadId, :requestedBy, :payerId, :payerName, :memberId, :groupNumber, :relationship,
                    :firstName, :lastName, :dob, :state, 0, 0, :nextAttemptAt, :deadlineAt, :createdAt, :completedAt,
                    :reason, :patientCanFix)""")
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

    /** Checks in progress whose next attempt is overdue: their record on the checks topic was lost. */
    public Flux<EligibilityCheck> stalled(Instant now, int limit) {
        return db.sql("""
                select * from eligibility_check where state = 'IN_PROGRESS' and next_attempt_at <= :now
                order by next_attempt_at limit :limit""")
                .bind("now", utc(now)).bind("limit", limit)
                .map((row, meta) -> read(row)).all();
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
     * Counts a transient attempt: the check stays in progress, its next attempt due before
     * {@code stalledAfter}. False when attempt {@code seenAttempts + 1} was already counted.
     */
    public Mono<Boolean> countTransient(UUID id, int seenAttempts, Instant stalledAfter, String payerCode) {
        GenericExecuteSpec spec = db.sql("""
                update eligibility_check set version = version + 1, attempts = :attempts, next_attempt_at = :until,
                    payer_code = :code
                where id = :id and state = 'IN_PROGRESS' and attempts = :seen""")
                .bind("attempts", seenAttempts + 1).bind("until", utc(stalledAfter)).bind("id", id)
                .bind("seen", seenAttempts);
        return bindNullable(spec, "code", payerCode, String.class).fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /**
     * Ends a check in progress that has made {@code seenAttempts} attempts, now {@code attempts};
     * false when it had moved on (ended, or another attempt was counted meanwhile).
     */
    public Mono<Boolean> finish(UUID id, int seenAttempts, int attempts, CheckState state, Verdict verdict,
            Instant now) {
        Coverage c = verdict.coverage();
        GenericExecuteSpec spec = db.sql("""
                update eligibility_check set version = version + 1, state = :state, completed_at = :now,
                    next_attempt_at = null, coverage_active = :active, plan_name = :plan, coverage_start = :start,
                    coverage_end = :end, network = :network, copay_cents = :copay, coinsurance_percent = :coinsurance,
                    deductible_remaining_cents = :deductible, out_of_pocket_remaining_cents = :oop,
                    prior_authorization_required = :priorAuth, payer_code = :code, reason = :reason,
                    patient_can_fix = :canFix, coverages_returned = :returned, attempts = :attempts
                where id = :id and state = 'IN_PROGRESS' and attempts = :seen""")
                .bind("state", state.name()).bind("now", utc(now)).bind("id", id).bind("seen", seenAttempts)
                .bind("attempts", attempts)
                .bind("canFix", verdict.patientCanFix()).bind("returned", verdict.coverages().size());
        spec = bindNullable(spec, "active", c == null ? null : c.active(), Boolean.class);
        spec = bindNullable(spec, "plan", c == null ? null : c.planName(), String.class);
        spec = bindNullable(spec, "start", c == null ? null : c.start(), LocalDate.class);
        spec = bindNullable(spec, "end", c == null ? null : c.end(), LocalDate.class);
        spec = bindNullable(spec, "network", c == null ? null : c.network().name(), String.class);
        spec = bindNullable(spec, "copay", c == null ? null : c.copayCents(), Long.class);
        spec = bindNullable(spec, "coinsurance", c == null ? null : c.coinsurancePercent(), Integer.class);
        spec = bindNullable(spec, "deductible", c == null ? null : c.deductibleRemainingCents(), Long.class);
        spec = bindNullable(spec, "oop", c == null ? null : c.outOfPocketRemainingCents(), Long.class);
        spec = bindNullable(spec, "priorAuth", c == null ? null : c.priorAuthorizationRequired(), Boolean.class);
        spec = bindNullable(spec, "code", verdict.payerCode(), String.class);
        spec = bindNullable(spec, "reason", verdict.reason(), String.class);
        return spec.fetch().rowsUpdated().map(updated -> updated == 1);
    }

    public Mono<EligibilityCheck> find(UUID id) {
        return db.sql("select * from eligibility_check where id = :id").bind("id", id)
                .map((row, meta) -> read(row)).one();
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
                .bind("leadId", leadId).map((row, meta) -> read(row)).all();
    }

    static EligibilityCheck read(Readable row) {
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
