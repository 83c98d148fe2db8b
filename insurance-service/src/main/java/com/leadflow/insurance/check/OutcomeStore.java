package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * An attempt's outcome, in this thread's JDBC transaction: the check's guarded update
 * ({@link CheckStore.GuardedUpdate}), the attempt's row and the coverage lines it brought, all or
 * nothing. When the update finds the attempt counted already (a redelivery, or another instance
 * that answered first), nothing is written and the caller learns it.
 *
 * <p>On PostgreSQL one statement, one round trip: the update, then data-modifying CTEs that insert
 * the attempt and its lines (one {@code unnest} of an array per column) for each row the update
 * changed, which is one or none. On H2 (the local run's embedded database, which has no
 * data-modifying CTEs) the same three writes one after the other.
 */
@Component
public class OutcomeStore {

    private static final String WRITE = """
            with counted as (%s
                returning id),
            attempt as (%s
                select %s from counted),
            lines as (insert into eligibility_coverage (%s)
                select counted.id, :attempt, line.n - 1, line.active, line.plan_name, line.coverage_start,
                    line.coverage_end, line.network, line.copay_cents, line.coinsurance_percent,
                    line.deductible_remaining_cents, line.out_of_pocket_remaining_cents,
                    line.prior_authorization_required, line.service_type
                from counted cross join unnest(:lineActive::boolean[], :linePlan::varchar[], :lineStart::date[],
                    :lineEnd::date[], :lineNetwork::varchar[], :lineCopay::bigint[], :lineCoinsurance::integer[],
                    :lineDeductible::bigint[], :lineOop::bigint[], :linePriorAuth::boolean[],
                    :lineServiceType::varchar[])
                    with ordinality as line(active, plan_name, coverage_start, coverage_end, network, copay_cents,
                        coinsurance_percent, deductible_remaining_cents, out_of_pocket_remaining_cents,
                        prior_authorization_required, service_type, n))
            select count(*) from counted""";

    /** The statement for each kind of guarded update (two), built once. */
    private final Map<String, String> statements = new ConcurrentHashMap<>();
    private final ConsumerDatabase jdbc;
    private final AttemptStore attempts;
    private final CoverageStore coverages;

    public OutcomeStore(ConsumerDatabase jdbc, AttemptStore attempts, CoverageStore coverages) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.coverages = coverages;
    }

    /**
     * Applies {@code update} to the check and records attempt number {@code attempt} with what the
     * payer returned; false, with nothing written, when the update changed no row.
     */
    public boolean record(CheckStore.GuardedUpdate update, UUID checkId, int attempt, Instant startedAt,
            Duration took, Verdict verdict) {
        if (!jdbc.postgres()) {
            if (jdbc.jdbcTemplate().update(update.sql(), update.params()) != 1) {
                return false;
            }
            attempts.record(checkId, attempt, startedAt, took, verdict);
            coverages.record(checkId, attempt, verdict.coverages());
            return true;
        }
        String sql = statements.computeIfAbsent(update.sql(),
                guarded -> WRITE.formatted(guarded, AttemptStore.INSERT, AttemptStore.ROW, CoverageStore.COLUMNS));
        var params = CoverageStore.bindLines(AttemptStore.bindRow(update.params(), checkId, attempt, startedAt,
                took, verdict), verdict.coverages());
        Long counted = jdbc.jdbcTemplate().queryForObject(sql, params, Long.class);
        return counted != null && counted == 1;
    }
}
