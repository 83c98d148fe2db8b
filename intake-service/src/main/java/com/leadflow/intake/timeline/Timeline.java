package com.leadflow.intake.timeline;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.db.SqlRows;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.sql.Types;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each lead's history and the current status of each stage. A report is always added to the
 * history; it replaces a stage's status only if it happened later (see {@link StageBoard}), so the
 * order in which services report does not matter. Callers provide the transaction.
 *
 * <p>Steps are written as sets: many of them in three statements (history, stages, the leads'
 * current stage), so a listener that applies a whole poll pays for three, not three per report;
 * the history's statement also checks that every lead exists.
 * The status listener writes them on JDBC, in its poll's transaction ({@link #record}); intake's
 * own steps, taken in HTTP requests, on R2DBC. Both run the same statements with the same
 * parameters ({@link #stageParameters}).
 */
@Repository
public class Timeline {

    private static final int MAX_SUMMARY = 500;

    private final DatabaseClient db;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    public Timeline(DatabaseClient db, JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.db = db;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** One entry for a lead's history; {@code result} is what the stage produced ({@link StageResults}), or null. */
    public record Step(UUID leadId, Instant occurredAt, String reporter, String stage, String status, String summary,
            String actor, Map<String, Object> result) {

        public Step {
            summary = summary == null ? "" : summary.substring(0, Math.min(summary.length(), MAX_SUMMARY));
        }

        StageStatus stageStatus() {
            return new StageStatus(stage, status, occurredAt);
        }

        LeadChange change() {
            return new LeadChange(leadId, stage, status, occurredAt);
        }
    }

    /** A service's status report as a step; one that names no lead by a UUID can never apply and is rejected. */
    public static Step report(LeadStatusChanged event) {
        UUID leadId;
        try {
            leadId = UUID.fromString(event.getLeadId());
        } catch (IllegalArgumentException e) {
            throw new EventRejectedException("leadId is not a UUID");
        }
        return new Step(leadId, event.getOccurredAt(), event.getReporter().name(), event.getStage().name(),
                event.getStatus().name(), event.getSummary(), null, StageResults.of(event));
    }

    /**
     * A new lead's first step, to be written in the statement that inserts the lead
     * ({@code LeadStore.insert}): its history entry and its stage as two {@code with} clauses named
     * {@code entry} and {@code stage}, and their parameters. The lead row is inserted showing this
     * very stage as its current one, so no stage or lead can need updating yet, and the lead, its
     * entry and its stage cost one round trip where {@link #record} takes three. The rows' foreign
     * keys are checked at the end of that statement, when the lead exists.
     */
    public FirstStep firstStep(UUID leadId, Instant at, String stage, String status, String summary) {
        Step first = new Step(leadId, at, "INTAKE", stage, status, summary, null, null);
        // the history's parameters hold the stage's too: the same step, index 0
        Map<String, Object> parameters = historyParameters(List.of(first), clock.instant().atOffset(ZoneOffset.UTC));
        // a typed null (every nullable one is text): an untyped one makes the driver ask the server its type
        parameters.replaceAll((name, value) -> value == null ? new SqlParameterValue(Types.VARCHAR, null) : value);
        return new FirstStep(FIRST_STEP, parameters, first.change());
    }

    /** {@link #firstStep}'s {@code with} clauses ({@code entry}, {@code stage}), their parameters, and the change they record. */
    public record FirstStep(String withClauses, Map<String, Object> parameters, LeadChange change) {
    }

    private static final String FIRST_STEP = "entry as (" + history(1) + "), stage as (" + newStages(1) + ")";

    private static String history(int rows) {
        return """
                insert into timeline_entry (lead_id, occurred_at, recorded_at, reporter, stage, status, summary, actor,
                    result)
                values\s""" + SqlRows.values(rows,
                "(:lead#, :at#, :now, :reporter#, :stage#, :status#, :summary#, :actor#, :result#)");
    }

    /**
     * Each stage's row: new ones inserted, known ones taking the step's status only if it happened
     * later than what they show. One statement; the rows name each stage once, as an upsert needs.
     */
    private static String stages(int rows) {
        return "insert into lead_stage as known (lead_id, stage, status, occurred_at) values "
                + SqlRows.values(rows, "(:lead#, :stage#, :status#, :at#)")
                + " on conflict (lead_id, stage) do update set status = excluded.status, occurred_at = excluded.occurred_at"
                + " where known.occurred_at < excluded.occurred_at";
    }

    private static String newStages(int rows) {
        return "insert into lead_stage (lead_id, stage, status, occurred_at) values "
                + SqlRows.values(rows, "(:lead#, :stage#, :status#, :at#)") + " on conflict do nothing";
    }

    /** Adds one of intake's own steps (submission, a contact attempt). */
    public Mono<LeadChange> recordIntakeStep(UUID leadId, Instant at, String stage, String status, String summary,
            String actor) {
        Step step = new Step(leadId, at, "INTAKE", stage, status, summary, actor, null);
        List<Step> steps = List.of(step);
        return Flux.fromIterable(statements(steps, clock.instant().atOffset(ZoneOffset.UTC), true))
                .concatMap(statement -> bind(db.sql(statement.sql()), statement.parameters()).then())
                .then(Mono.just(step.change()));
    }

    /**
     * Adds the steps to their leads' histories, and each stage's and lead's latest status where a
     * step happened later than what they show. On JDBC, in the transaction of the calling thread (the
     * status listener's poll). A step naming a lead intake does not know is rejected
     * ({@link EventRejectedException}) before any stage is written, and the caller's transaction
     * must then roll back: the history is written only for known leads (joined to {@code lead}), so
     * fewer rows than steps means one names no lead. That join is the poll's check for unknown leads,
     * which used to be a query of its own before the history was written.
     */
    public List<LeadChange> record(List<Step> steps) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int written = 0;
        for (List<Step> chunk : SqlRows.chunks(steps)) {
            written += update(knownLeadsHistory(chunk.size()), historyParameters(chunk, now));
        }
        if (written < steps.size()) {
            throw new EventRejectedException("leadId names no lead known to intake");
        }
        for (Statement statement : statements(steps, now, false)) {
            update(statement.sql(), statement.parameters());
        }
        return steps.stream().map(Step::change).toList();
    }

    private int update(String sql, Map<String, Object> parameters) {
        Map<String, Object> typed = new HashMap<>(parameters);
        // a typed null (every nullable one is text): an untyped one makes the driver ask the server its type
        typed.replaceAll((name, value) -> value == null ? new SqlParameterValue(Types.VARCHAR, null) : value);
        return jdbc.sql(sql).params(typed).update();
    }

    /** {@link #history}'s rows, written only where their lead exists. */
    private static String knownLeadsHistory(int rows) {
        return """
                insert into timeline_entry (lead_id, occurred_at, recorded_at, reporter, stage, status, summary, actor,
                    result)
                select step.* from (values\s""" + SqlRows.values(rows, HISTORY_ROW) + """
                ) as step(lead_id, occurred_at, recorded_at, reporter, stage, status, summary, actor, result)
                join lead on lead.id = step.lead_id""";
    }

    private static final String HISTORY_ROW = "(cast(:lead# as uuid), cast(:at# as timestamp with time zone),"
            + " cast(:now as timestamp with time zone), cast(:reporter# as varchar(20)), cast(:stage# as varchar(20)),"
            + " cast(:status# as varchar(40)), cast(:summary# as varchar(500)), cast(:actor# as varchar(200)),"
            + " cast(:result# as varchar))";

    /** One statement of a write and its named parameters (null where a value is absent). */
    private record Statement(String sql, Map<String, Object> parameters) {
    }

    /** The statements that record these steps, in chunks of {@link SqlRows}; the history's only {@code withHistory}. */
    private List<Statement> statements(List<Step> steps, OffsetDateTime now, boolean withHistory) {
        // one row each per stage and per lead: the step that happened last, the earliest of equals
        List<Step> perStage = latest(steps, step -> step.leadId() + "/" + step.stage());
        List<Step> perLead = latest(steps, Step::leadId);
        List<Statement> statements = new ArrayList<>();
        if (withHistory) {
            SqlRows.chunks(steps).forEach(chunk -> statements.add(new Statement(history(chunk.size()),
                    historyParameters(chunk, now))));
        }
        SqlRows.chunks(perStage).forEach(chunk -> statements.add(new Statement(stages(chunk.size()),
                stageParameters(chunk))));
        SqlRows.chunks(perLead).forEach(chunk -> statements.add(new Statement("""
                merge into lead using (values\s""" + SqlRows.values(chunk.size(), STEP_ROW) + """
                ) as step(lead_id, stage, status, occurred_at)
                on lead.id = step.lead_id
                when matched and lead.stage_changed_at < step.occurred_at
                then update set current_stage = step.stage, current_status = step.status,
                    stage_changed_at = step.occurred_at""", stageParameters(chunk))));
        return statements;
    }

    private static final String STEP_ROW =
            "(cast(:lead# as uuid), cast(:stage# as varchar(20)), cast(:status# as varchar(40)), cast(:at# as timestamp with time zone))";

    /** A row's lead, stage, status and time, as the parameters ending in its index. */
    private static Map<String, Object> stageParameters(List<Step> steps) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            parameters.put("lead" + i, step.leadId());
            parameters.put("at" + i, step.occurredAt().atOffset(ZoneOffset.UTC));
            parameters.put("stage" + i, step.stage());
            parameters.put("status" + i, step.status());
        }
        return parameters;
    }

    /** {@link #stageParameters} and who reported each step, with its summary, actor and result (the latter two may be null). */
    private Map<String, Object> historyParameters(List<Step> steps, OffsetDateTime now) {
        Map<String, Object> parameters = stageParameters(steps);
        parameters.put("now", now);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            parameters.put("reporter" + i, step.reporter());
            parameters.put("summary" + i, step.summary());
            parameters.put("actor" + i, step.actor());
            parameters.put("result" + i, step.result() == null ? null : json.writeValueAsString(step.result()));
        }
        return parameters;
    }

    /** The parameters on an R2DBC statement; every nullable one is text. */
    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            spec = parameter.getValue() == null ? spec.bindNull(parameter.getKey(), String.class)
                    : spec.bind(parameter.getKey(), parameter.getValue());
        }
        return spec;
    }

    private static <K> List<Step> latest(List<Step> steps, Function<Step, K> key) {
        Map<K, Step> latest = new LinkedHashMap<>();
        for (Step step : steps) {
            latest.merge(key.apply(step), step, (current, candidate) ->
                    StageBoard.supersedes(candidate.stageStatus(), current.stageStatus()) ? candidate : current);
        }
        return List.copyOf(latest.values());
    }

    public Mono<Boolean> exists(UUID leadId) {
        return db.sql("select count(*) as n from lead where id = :id").bind("id", leadId)
                .map((row, meta) -> row.get("n", Long.class) > 0).one();
    }

    public Mono<List<TimelineEntry>> history(UUID leadId) {
        return db.sql("""
                        select occurred_at, recorded_at, reporter, stage, status, summary, actor, result from timeline_entry
                        where lead_id = :lead order by occurred_at, id""")
                .bind("lead", leadId)
                .map((row, meta) -> new TimelineEntry(
                        row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        row.get("recorded_at", OffsetDateTime.class).toInstant(),
                        row.get("reporter", String.class), row.get("stage", String.class),
                        row.get("status", String.class), row.get("summary", String.class),
                        row.get("actor", String.class), result(row.get("result", String.class))))
                .all().collectList();
    }

    private Map<String, Object> result(String stored) {
        return stored == null ? null : json.readValue(stored, new TypeReference<Map<String, Object>>() {
        });
    }

    public Mono<List<StageStatus>> stages(UUID leadId) {
        return db.sql("select stage, status, occurred_at from lead_stage where lead_id = :lead order by occurred_at")
                .bind("lead", leadId)
                .map((row, meta) -> new StageStatus(row.get("stage", String.class), row.get("status", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }
}
