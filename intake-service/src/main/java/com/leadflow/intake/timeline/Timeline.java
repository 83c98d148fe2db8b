package com.leadflow.intake.timeline;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Each lead's history and the current status of each stage. A report is always added to the
 * history; it replaces a stage's status only if it happened later (see {@link StageBoard}), so the
 * order in which services report does not matter. Callers provide the transaction.
 */
@Repository
public class Timeline {

    private final DatabaseClient db;
    private final Clock clock;

    public Timeline(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Applies a service's status report; an event for no known lead can never apply and is rejected. */
    public Mono<LeadChange> apply(LeadStatusChanged event) {
        UUID leadId;
        try {
            leadId = UUID.fromString(event.getLeadId());
        } catch (IllegalArgumentException e) {
            throw new EventRejectedException("leadId is not a UUID");
        }
        String summary = event.getSummary() == null ? "" : event.getSummary();
        return exists(leadId)
                .flatMap(known -> known ? Mono.<Void>empty()
                        : Mono.error(new EventRejectedException("leadId names no lead known to intake")))
                .then(record(leadId, event.getOccurredAt(), event.getReporter().name(), event.getStage().name(),
                        event.getStatus().name(), summary.substring(0, Math.min(summary.length(), 500)), null));
    }

    /** Adds one of intake's own steps (submission, a contact attempt). */
    public Mono<LeadChange> recordIntakeStep(UUID leadId, Instant at, String stage, String status, String summary,
            String actor) {
        return record(leadId, at, "INTAKE", stage, status, summary, actor);
    }

    private Mono<LeadChange> record(UUID leadId, Instant at, String reporter, String stage, String status,
            String summary, String actor) {
        OffsetDateTime occurred = at.atOffset(ZoneOffset.UTC);
        var insert = db.sql("""
                        insert into timeline_entry (lead_id, occurred_at, recorded_at, reporter, stage, status, summary, actor)
                        values (:lead, :at, :now, :reporter, :stage, :status, :summary, :actor)""")
                .bind("lead", leadId).bind("at", occurred).bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .bind("reporter", reporter).bind("stage", stage).bind("status", status).bind("summary", summary);
        insert = actor == null ? insert.bindNull("actor", String.class) : insert.bind("actor", actor);
        return insert.then()
                .then(db.sql("""
                                insert into lead_stage (lead_id, stage, status, occurred_at)
                                values (:lead, :stage, :status, :at) on conflict do nothing""")
                        .bind("lead", leadId).bind("stage", stage).bind("status", status).bind("at", occurred).then())
                .then(db.sql("""
                                update lead_stage set status = :status, occurred_at = :at
                                where lead_id = :lead and stage = :stage and occurred_at < :at""")
                        .bind("lead", leadId).bind("stage", stage).bind("status", status).bind("at", occurred).then())
                .then(db.sql("""
                                update lead set current_stage = :stage, current_status = :status, stage_changed_at = :at
                                where id = :lead and stage_changed_at < :at""")
                        .bind("lead", leadId).bind("stage", stage).bind("status", status).bind("at", occurred).then())
                .thenReturn(new LeadChange(leadId, stage, status, at));
    }

    public Mono<Boolean> exists(UUID leadId) {
        return db.sql("select count(*) as n from lead where id = :id").bind("id", leadId)
                .map((row, meta) -> row.get("n", Long.class) > 0).one();
    }

    public Mono<List<TimelineEntry>> history(UUID leadId) {
        return db.sql("""
                        select occurred_at, recorded_at, reporter, stage, status, summary, actor from timeline_entry
                        where lead_id = :lead order by occurred_at, id""")
                .bind("lead", leadId)
                .map((row, meta) -> new TimelineEntry(
                        row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        row.get("recorded_at", OffsetDateTime.class).toInstant(),
                        row.get("reporter", String.class), row.get("stage", String.class),
                        row.get("status", String.class), row.get("summary", String.class),
                        row.get("actor", String.class)))
                .all().collectList();
    }

    public Mono<List<StageStatus>> stages(UUID leadId) {
        return db.sql("select stage, status, occurred_at from lead_stage where lead_id = :lead order by occurred_at")
                .bind("lead", leadId)
                .map((row, meta) -> new StageStatus(row.get("stage", String.class), row.get("status", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }
}
