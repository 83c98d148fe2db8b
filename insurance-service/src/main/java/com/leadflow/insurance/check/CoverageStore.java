package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.platform.db.ConsumerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
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

    /** The coverage table's columns as written, {@code check_id, attempt, line_no} first. */
    static final String COLUMNS = """
            check_id, attempt, line_no, active, plan_name, coverage_start, coverage_end, network, copay_cents,
            coinsurance_percent, deductible_remaining_cents, out_of_pocket_remaining_cents,
            prior_authorization_required, service_type""";
    private static final String INSERT = "insert into eligibility_coverage (" + COLUMNS + ")\n";

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
        jdbc.jdbcTemplate().batchUpdate(INSERT + """
                values (:checkId, :attempt, :lineNo, :active, :plan, :start, :end, :network, :copay, :coinsurance,
                    :deductible, :oop, :priorAuth, :serviceType)""", rows);
    }

    /**
     * Adds an attempt's coverage lines to {@code params} as one PostgreSQL array per column, in the
     * order of {@link #COLUMNS} after {@code line_no} ({@code :lineActive}, {@code :linePlan}, ...),
     * for a statement that writes them all with {@code unnest}; empty arrays for no lines.
     */
    static MapSqlParameterSource bindLines(MapSqlParameterSource params, List<Coverage> coverages) {
        return params
                .addValue("lineActive", array("bool", coverages.stream().map(Coverage::active)))
                .addValue("linePlan", array("varchar", coverages.stream().map(Coverage::planName)))
                .addValue("lineStart", array("date", coverages.stream().map(c -> text(c.start()))))
                .addValue("lineEnd", array("date", coverages.stream().map(c -> text(c.end()))))
                .addValue("lineNetwork", array("varchar", coverages.stream().map(c -> c.network().name())))
                .addValue("lineCopay", array("int8", coverages.stream().map(Coverage::copayCents)))
                .addValue("lineCoinsurance", array("int4", coverages.stream().map(Coverage::coinsurancePercent)))
                .addValue("lineDeductible", array("int8", coverages.stream().map(Coverage::deductibleRemainingCents)))
                .addValue("lineOop", array("int8", coverages.stream().map(Coverage::outOfPocketRemainingCents)))
                .addValue("linePriorAuth", array("bool", coverages.stream().map(Coverage::priorAuthorizationRequired)))
                .addValue("lineServiceType", array("varchar", coverages.stream().map(Coverage::serviceType)));
    }

    /** A PostgreSQL array of {@code type}, made on the statement's own connection. */
    private static SqlTypeValue array(String type, Stream<?> values) {
        Object[] elements = values.toArray();
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf(type, elements);
            }
        };
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
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
