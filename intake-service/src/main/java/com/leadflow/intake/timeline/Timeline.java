package com.leadflow.intake.timeline;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.db.SqlRows;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
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
 * <p>Steps are written as sets: a poll's in one statement ({@link #record}: history, stages and the
 * leads' current stage as data-modifying {@code with} clauses over a {@code values} list), which also
 * checks that every lead exists. The status listener writes them on JDBC, in its poll's
 * transaction; intake's own steps, taken in HTTP requests, on R2DBC, one step in one statement of
 * the same clauses ({@link #recordIntakeStep}). H2 (the local run's embedded database) has no
 * data-modifying {@code with} clauses and no {@code on conflict do update}: there each step is
 * written by plain statements, one step after another ({@link Embedded}), with the same outcome.
 */
@Repository
public class Timeline {

    private static final int MAX_SUMMARY = 500;

    private final DatabaseClient db;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Clock clock;
    private final JsonMapper json;

    public Timeline(DatabaseClient db, ConsumerDatabase database, Clock clock, JsonMapper json) {
        this.db = db;
        this.jdbc = database.jdbc();
        this.postgres = database.postgres();
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
     * very stage as its current one, so no stage or lead can need updating yet: plain inserts, in the
     * lead's one round trip.
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

    /**
     * On H2, where the lead's statement cannot carry {@link FirstStep#withClauses}: the first step's
     * history entry and stage, written after the lead in the same transaction.
     */
    public void recordFirstStepOnEmbedded(FirstStep first) {
        jdbc.sql(Embedded.ENTRY).params(first.parameters()).update();
        jdbc.sql(Embedded.NEW_STAGE).params(first.parameters()).update();
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
        Map<String, Object> parameters = historyParameters(List.of(step), clock.instant().atOffset(ZoneOffset.UTC));
        if (!postgres) {
            return Flux.fromIterable(Embedded.STEP).concatMap(sql -> bind(db.sql(sql), Embedded.of(sql, parameters)).then())
                    .then(Mono.just(step.change()));
        }
        return bind(db.sql(INTAKE_STEP), parameters).then().thenReturn(step.change());
    }

    /**
     * A step in plain statements, for H2: its history entry only where its lead exists (no row: no
     * lead), its stage's status and its lead's current stage only where the step happened later than
     * what they show, a new stage inserted. Written one step after another, each sees the ones before.
     * Parameters as {@link #historyParameters} names them for index 0.
     */
    private static final class Embedded {

        static final String ENTRY = """
                insert into timeline_entry (lead_id, occurred_at, recorded_at, reporter, stage, status, summary, actor,
                    result)
                select id, :at0, :now, :reporter0, :stage0, :status0, :summary0, :actor0, :result0
                from lead where id = :lead0""";

        static final String NEW_STAGE = """
                insert into lead_stage (lead_id, stage, status, occurred_at)
                select id, :stage0, :status0, :at0 from lead where id = :lead0
                and not exists (select 1 from lead_stage where lead_id = :lead0 and stage = :stage0)""";

        static final String LATER_STAGE = """
                update lead_stage set status = :status0, occurred_at = :at0
                where lead_id = :lead0 and stage = :stage0 and occurred_at < :at0""";

        static final String LATER_LEAD = """
                update lead set current_stage = :stage0, current_status = :status0, stage_changed_at = :at0
                where id = :lead0 and stage_changed_at < :at0""";

        /** After the entry: the stage (one of the two changes it, or neither), then the lead. */
        static final List<String> STEP = List.of(ENTRY, LATER_STAGE, NEW_STAGE, LATER_LEAD);

        /** The parameters {@code sql} names: R2DBC refuses to bind one a statement does not have. */
        static Map<String, Object> of(String sql, Map<String, Object> parameters) {
            Map<String, Object> named = new HashMap<>();
            parameters.forEach((name, value) -> {
                if (Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                    named.put(name, value);
                }
            });
            return named;
        }
    }

    private static final String STEP_ROW =
            "(cast(:lead# as uuid), cast(:stage# as varchar(20)), cast(:status# as varchar(40)), cast(:at# as timestamp with time zone))";

    /**
     * One step's history entry, its stage and its lead's current stage, each only where the step
     * happened later than what they show: the three clauses see the database as it was before the
     * statement, which is right for one step (and for a poll's, {@link #record}, once each stage and
     * lead takes one row only).
     */
    private static final String INTAKE_STEP = "with entry as (" + history(1) + "), stage as (" + stages(1) + ")"
            + " update lead set current_stage = step.stage, current_status = step.status,"
            + " stage_changed_at = step.occurred_at from (values " + SqlRows.values(1, STEP_ROW) + ")"
            + " as step(lead_id, stage, status, occurred_at)"
            + " where lead.id = step.lead_id and lead.stage_changed_at < step.occurred_at";

    /**
     * Adds the steps to their leads' histories, and each stage's and lead's latest status where a
     * step happened later than what they show: one statement per chunk of {@link SqlRows} (a poll of
     * up to 64 reports, one). On JDBC, in the transaction of the calling thread (the status
     * listener's poll). A step naming a lead intake does not know is rejected
     * ({@link EventRejectedException}) and the caller's transaction must then roll back (its chunk's
     * stages may have been written by then): the history is written only for known leads (joined to
     * {@code lead}), so fewer rows than steps means one names no lead.
     */
    public List<LeadChange> record(List<Step> steps) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (!postgres) {
            for (Step step : steps) {
                Map<String, Object> parameters = historyParameters(List.of(step), now);
                parameters.replaceAll((name, value) -> value == null ? new SqlParameterValue(Types.VARCHAR, null) : value);
                if (jdbc.sql(Embedded.ENTRY).params(parameters).update() == 0) {
                    throw new EventRejectedException("leadId names no lead known to intake");
                }
                for (String sql : Embedded.STEP.subList(1, Embedded.STEP.size())) {
                    jdbc.sql(sql).params(parameters).update();
                }
            }
            return steps.stream().map(Step::change).toList();
        }
        for (List<Step> chunk : SqlRows.chunks(steps)) {
            Map<String, Object> parameters = historyParameters(chunk, now);
            // a statement's clauses all see the database as it was before it, so an upsert or update
            // meeting a key twice would not see its first change (the upsert fails): each stage and
            // lead takes one row of the chunk, the step that happened last, the earliest of equals.
            // A later chunk's statement sees this one's rows.
            Set<Step> stageRows = identities(latest(chunk, step -> step.leadId() + "/" + step.stage()));
            Set<Step> leadRows = identities(latest(chunk, Step::leadId));
            for (int i = 0; i < chunk.size(); i++) {
                parameters.put("latestOfStage" + i, stageRows.contains(chunk.get(i)));
                parameters.put("latestOfLead" + i, leadRows.contains(chunk.get(i)));
            }
            // a typed null (every nullable one is text): an untyped one makes the driver ask the server its type
            parameters.replaceAll((name, value) -> value == null ? new SqlParameterValue(Types.VARCHAR, null) : value);
            long written = jdbc.sql(record(chunk.size())).params(parameters).query(Long.class).single();
            if (written < chunk.size()) {
                throw new EventRejectedException("leadId names no lead known to intake");
            }
        }
        return steps.stream().map(Step::change).toList();
    }

    /**
     * {@link #record}'s statement for {@code rows} steps: the steps as a {@code values} list (of one
     * of four sizes, so each size has one prepared statement and, as PostgreSQL estimates its rows
     * exactly, one plan made once), written as the history, the stages and the leads' current stage
     * in {@code with} clauses; it returns how many history rows it wrote.
     */
    private static String record(int rows) {
        return """
                with step (lead_id, occurred_at, reporter, stage, status, summary, actor, result, latest_of_stage,
                    latest_of_lead) as (values\s""" + SqlRows.values(rows, POLL_ROW) + """
                ),
                entry as (
                    insert into timeline_entry (lead_id, occurred_at, recorded_at, reporter, stage, status, summary,
                        actor, result)
                    select step.lead_id, step.occurred_at, cast(:now as timestamp with time zone), step.reporter,
                        step.stage, step.status, step.summary, step.actor, step.result
                    from step join lead on lead.id = step.lead_id
                    returning 1),
                stage as (
                    insert into lead_stage as known (lead_id, stage, status, occurred_at)
                    select lead_id, stage, status, occurred_at from step where latest_of_stage
                    on conflict (lead_id, stage) do update set status = excluded.status,
                        occurred_at = excluded.occurred_at
                    where known.occurred_at < excluded.occurred_at),
                current as (
                    update lead set current_stage = step.stage, current_status = step.status,
                        stage_changed_at = step.occurred_at
                    from step
                    where step.latest_of_lead and lead.id = step.lead_id and lead.stage_changed_at < step.occurred_at)
                select count(*) from entry""";
    }

    private static final String POLL_ROW = "(cast(:lead# as uuid), cast(:at# as timestamp with time zone),"
            + " cast(:reporter# as varchar(20)), cast(:stage# as varchar(20)), cast(:status# as varchar(40)),"
            + " cast(:summary# as varchar(500)), cast(:actor# as varchar(200)), cast(:result# as varchar),"
            + " cast(:latestOfStage# as boolean), cast(:latestOfLead# as boolean))";

    /** The steps as a set by identity: two equal reports are two rows. */
    private static Set<Step> identities(List<Step> steps) {
        Set<Step> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(steps);
        return set;
    }

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
