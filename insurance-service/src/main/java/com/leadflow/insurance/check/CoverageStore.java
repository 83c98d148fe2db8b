package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.platform.db.ConsumerDatabase;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The eligibility_coverage table: every coverage line a payer returned, per attempt. Written by the
 * attempts' listener on JDBC ({@link ConsumerDatabase}), read on R2DBC for the HTTP handlers.
 */
@Component
public class CoverageStore {

    /** A returned coverage line and the attempt that brought it. */
    public record ReturnedCoverage(int attempt, Coverage coverage) {
    }

    private final DatabaseClient db;
    private final ConsumerDatabase jdbc;

    public CoverageStore(DatabaseClient db, ConsumerDatabase jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /**
     * Records an attempt's coverage lines in this thread's JDBC transaction, as one batch (multi-row
     * inserts on pgjdbc) however many lines the payer returned.
     */
    public void record(UUID checkId, int attempt, List<Coverage> coverages) {
        if (coverages.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = IntStream.range(0, coverages.size()).mapToObj(position -> {
            Coverage c = coverages.get(position);
            return new MapSqlParameterSource()
                    .addValue("checkId", checkId)
                    .addValue("attempt", attempt)
                    .addValue("lineNo", position)
                    .addValue("active", c.active())
                    .addValue("plan", c.planName(), Types.VARCHAR)
                    .addValue("start", c.start(), Types.DATE)
                    .addValue("end", c.end(), Types.DATE)
                    .addValue("network", c.network().name())
                    .addValue("copay", c.copayCents(), Types.BIGINT)
                    .addValue("coinsurance", c.coinsurancePercent(), Types.INTEGER)
                    .addValue("deductible", c.deductibleRemainingCents(), Types.BIGINT)
                    .addValue("oop", c.outOfPocketRemainingCents(), Types.BIGINT)
                    .addValue("priorAuth", c.priorAuthorizationRequired(), Types.BOOLEAN)
                    .addValue("serviceType", c.serviceType(), Types.VARCHAR);
        }).toArray(SqlParameterSource[]::new);
        jdbc.jdbcTemplate().batchUpdate("""
                insert into eligibility_coverage (check_id, attempt, line_no, active, plan_name, coverage_start,
                    coverage_end, network, copay_cents, coinsurance_percent, deductible_remaining_cents,
                    out_of_pocket_remaining_cents, prior_authorization_required, service_type)
                values (:checkId, :attempt, :lineNo, :active, :plan, :start, :end, :network, :copay, :coinsurance,
                    :deductible, :oop, :priorAuth, :serviceType)""", rows);
    }

    public Flux<ReturnedCoverage> forCheck(UUID checkId) {
        return db.sql("select * from eligibility_coverage where check_id = :checkId order by attempt, line_no")
                .bind("checkId", checkId)
                .map((row, meta) -> new ReturnedCoverage(row.get("attempt", Integer.class), new Coverage(
                        Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("plan_name", String.class),
                        row.get("coverage_start", LocalDate.class), row.get("coverage_end", LocalDate.class),
                        Network.valueOf(row.get("network", String.class)), row.get("copay_cents", Long.class),
                        row.get("coinsurance_percent", Integer.class), row.get("deductible_remaining_cents", Long.class),
                        row.get("out_of_pocket_remaining_cents", Long.class),
                        row.get("prior_authorization_required", Boolean.class), row.get("service_type", String.class))))
                .all();
    }
}
