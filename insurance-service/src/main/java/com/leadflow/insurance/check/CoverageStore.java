package com.leadflow.insurance.check;

import static com.leadflow.insurance.check.CheckStore.bindNullable;

import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Network;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The eligibility_coverage table: every coverage line a payer returned, per attempt. */
@Component
public class CoverageStore {

    /** A returned coverage line and the attempt that brought it. */
    public record ReturnedCoverage(int attempt, Coverage coverage) {
    }

    private final DatabaseClient db;

    public CoverageStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(UUID checkId, int attempt, List<Coverage> coverages) {
        return Flux.range(0, coverages.size()).concatMap(position -> {
            Coverage c = coverages.get(position);
            var spec = db.sql("""
                    insert into eligibility_coverage (check_id, attempt, line_no, active, plan_name, coverage_start,
                        coverage_end, network, copay_cents, coinsurance_percent, deductible_remaining_cents,
                        out_of_pocket_remaining_cents, prior_authorization_required, service_type)
                    values (:checkId, :attempt, :lineNo, :active, :plan, :start, :end, :network, :copay, :coinsurance,
                        :deductible, :oop, :priorAuth, :serviceType)""")
                    .bind("checkId", checkId).bind("attempt", attempt).bind("lineNo", position)
                    .bind("active", c.active()).bind("network", c.network().name());
            spec = bindNullable(spec, "plan", c.planName(), String.class);
            spec = bindNullable(spec, "start", c.start(), LocalDate.class);
            spec = bindNullable(spec, "end", c.end(), LocalDate.class);
            spec = bindNullable(spec, "copay", c.copayCents(), Long.class);
            spec = bindNullable(spec, "coinsurance", c.coinsurancePercent(), Integer.class);
            spec = bindNullable(spec, "deductible", c.deductibleRemainingCents(), Long.class);
            spec = bindNullable(spec, "oop", c.outOfPocketRemainingCents(), Long.class);
            spec = bindNullable(spec, "priorAuth", c.priorAuthorizationRequired(), Boolean.class);
            spec = bindNullable(spec, "serviceType", c.serviceType(), String.class);
            return spec.then();
        }).then();
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
