package com.leadflow.intake.timeline;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.db.SqlRows;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
 * <p>Steps are written as sets: many of them in four statements (history, new stages, later
 * stages, the leads' current stage), so a listener that applies a whole poll pays for four, not
 * four per report.
 */
@Repository
public class Timeline {

    private static final int MAX_SUMMARY = 500;

    private final DatabaseClient db;
    private final Clock clock;
    private final JsonMapper json;

    public Timeline(DatabaseClient db, Clock clock, JsonMapper json) {
        this.db = db;
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
     * A new lead's first step, in the lead's own transaction: its history entry and its stage.
     * The lead row was inserted showing this very stage as its current one, so no stage or lead
     * can need updating yet: two statements where {@link #record} takes four.
     */
    public Mono<LeadChange> recordFirstStep(UUID leadId, Instant at, String stage, String status, String summary) {
        List<Step> first = List.of(new Step(leadId, at, "INTAKE", stage, status, summary, null, null));
        return bindHistory(db.sql(history(1)), first).bind("now", clock.instant().atOffset(ZoneOffset.UTC)).then()
                .then(bindStages(db.sql(newStages(1)), first).then())
                .thenReturn(first.get(0).change());
    }

    private static String history(int rows) {
        return """
                insert into timeline_entry (lead_id, occurred_at, recorded_at, reporter, stage, status, summary, actor,
                    result)
                values\s""" + SqlRows.values(rows,
                "(:lead#, :at#, :now, :reporter#, :stage#, :status#, :summary#, :actor#, :result#)");
    }

    private static String newStages(int rows) {
        return "insert into lead_stage (lead_id, stage, status, occurred_at) values "
                + SqlRows.values(rows, "(:lead#, :stage#, :status#, :at#)") + " on conflict do nothing";
    }

    /** Adds one of intake's own steps (submission, a contact attempt). */
    public Mono<LeadChange> recordIntakeStep(UUID leadId, Instant at, String stage, String status, String summary,
            String actor) {
        Step step = new Step(leadId, at, "INTAKE", stage, status, summary, actor, null);
        return record(List.of(step)).thenReturn(step.change());
    }

    /**
     * Adds the steps to their leads' histories, and each stage's and lead's latest status where a
     * step happened later than what they show; the leads must exist.
     */
    public Mono<List<LeadChange>> record(List<Step> steps) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // one row each per stage and per lead: the step that happened last, the earliest of equals
        List<Step> perStage = latest(steps, step -> step.leadId() + "/" + step.stage());
        List<Step> perLead = latest(steps, Step::leadId);
        return Flux.concat(
                        each(steps, chunk -> bindHistory(db.sql(history(chunk.size())), chunk).bind("now", now)),
                        each(perStage, chunk -> bindStages(db.sql(newStages(chunk.size())), chunk)),
                        each(perStage, chunk -> bindStages(db.sql("""
                                merge into lead_stage using (values\s""" + SqlRows.values(chunk.size(), STEP_ROW) + """
                                ) as step(lead_id, stage, status, occurred_at)
                                on lead_stage.lead_id = step.lead_id and lead_stage.stage = step.stage
                                when matched and lead_stage.occurred_at < step.occurred_at
                                then update set status = step.status, occurred_at = step.occurred_at"""), chunk)),
                        each(perLead, chunk -> bindStages(db.sql("""
                                merge into lead using (values\s""" + SqlRows.values(chunk.size(), STEP_ROW) + """
                                ) as step(lead_id, stage, status, occurred_at)
                                on lead.id = step.lead_id
                                when matched and lead.stage_changed_at < step.occurred_at
                                then update set current_stage = step.stage, current_status = step.status,
                                    stage_changed_at = step.occurred_at"""), chunk)))
                .then(Mono.fromSupplier(() -> steps.stream().map(Step::change).toList()));
    }

    /** Of these leads, the ones intake does not know. */
    public Mono<Set<UUID>> unknown(Collection<UUID> leadIds) {
        Set<UUID> unknown = new HashSet<>(leadIds);
        return Flux.fromIterable(SqlRows.chunks(List.copyOf(unknown)))
                .concatMap(chunk -> {
                    var select = db.sql("select id from lead where id in (" + SqlRows.values(chunk.size(), ":id#") + ")");
                    for (int i = 0; i < chunk.size(); i++) {
                        select = select.bind("id" + i, chunk.get(i));
                    }
                    return select.map((row, meta) -> row.get("id", UUID.class)).all();
                })
                .doOnNext(unknown::remove)
                .then(Mono.fromSupplier(() -> unknown));
    }

    private static final String STEP_ROW =
            "(cast(:lead# as uuid), cast(:stage# as varchar(20)), cast(:status# as varchar(40)), cast(:at# as timestamp with time zone))";

    private static Mono<Void> each(List<Step> steps, Function<List<Step>, GenericExecuteSpec> statement) {
        return Flux.fromIterable(SqlRows.chunks(steps)).concatMap(chunk -> statement.apply(chunk).then()).then();
    }

    /** Binds a row's lead, stage, status and time to the parameters ending in its index. */
    private static GenericExecuteSpec bindStages(GenericExecuteSpec spec, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            spec = spec.bind("lead" + i, step.leadId()).bind("at" + i, step.occurredAt().atOffset(ZoneOffset.UTC))
                    .bind("stage" + i, step.stage()).bind("status" + i, step.status());
        }
        return spec;
    }

    /** {@link #bindStages} and who reported each step, with its summary and actor. */
    private GenericExecuteSpec bindHistory(GenericExecuteSpec spec, List<Step> steps) {
        spec = bindStages(spec, steps);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            spec = spec.bind("reporter" + i, step.reporter()).bind("summary" + i, step.summary());
            spec = step.actor() == null ? spec.bindNull("actor" + i, String.class) : spec.bind("actor" + i, step.actor());
            spec = step.result() == null ? spec.bindNull("result" + i, String.class)
                    : spec.bind("result" + i, json.writeValueAsString(step.result()));
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
