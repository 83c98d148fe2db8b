package com.leadflow.ops.replay;

import com.leadflow.ops.deadletter.DeadLetter.Coordinates;
import com.leadflow.ops.replay.ReplayOutcome.Item;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The replay audit trail in the console's own schema: one row per replay (who, why, when, what
 * was selected, how it ended) and one per dead letter it handled (where it went). Also each dead
 * letter in the platform's audit log. Keeps a count of replays per dead letter for the cap.
 */
public class ReplayAudit {

    private final DatabaseClient db;
    private final AuditLog auditLog;
    private final Map<Coordinates, Integer> replays = new ConcurrentHashMap<>();

    public ReplayAudit(DatabaseClient db, AuditLog auditLog) {
        this.db = db;
        this.auditLog = auditLog;
    }

    /** Loads the replay counts; called once at start. */
    public Mono<Void> load() {
        return db.sql("""
                        select dead_letter_topic, dead_letter_partition, dead_letter_offset, count(*) as times
                        from replay_record where result = 'REPLAYED'
                        group by dead_letter_topic, dead_letter_partition, dead_letter_offset""")
                .map((row, meta) -> {
                    replays.put(new Coordinates(row.get("dead_letter_topic", String.class),
                                    row.get("dead_letter_partition", Integer.class),
                                    row.get("dead_letter_offset", Long.class)),
                            row.get("times", Number.class).intValue());
                    return true;
                })
                .all().then();
    }

    /** How often the console has replayed this dead letter. */
    public int timesReplayed(Coordinates deadLetter) {
        return replays.getOrDefault(deadLetter, 0);
    }

    public Mono<Void> started(UUID id, Instant at, String actor, String reason, String selection, int planned,
            String correlationId) {
        return db.sql("""
                        insert into replay (id, requested_at, actor, reason, selection, planned, result, correlation_id)
                        values (:id, :at, :actor, :reason, :selection, :planned, 'RUNNING', :correlationId)""")
                .bind("id", id)
                .bind("at", utc(at))
                .bind("actor", actor)
                .bind("reason", reason)
                .bind("selection", selection)
                .bind("planned", planned)
                .bind("correlationId", correlationId)
                .then();
    }

    public Mono<Void> handled(UUID replayId, String actor, Item item) {
        var spec = db.sql("""
                        insert into replay_record (replay_id, dead_letter_topic, dead_letter_partition, dead_letter_offset,
                            lead_id, event_id, target_topic, replay_count, result, new_partition, new_offset, note)
                        values (:replayId, :topic, :partition, :offset, :leadId, :eventId, :target, :count, :result,
                            :newPartition, :newOffset, :note)""")
                .bind("replayId", replayId)
                .bind("topic", item.deadLetter().topic())
                .bind("partition", item.deadLetter().partition())
                .bind("offset", item.deadLetter().offset())
                .bind("target", item.targetTopic())
                .bind("count", item.replayCount())
                .bind("result", item.result().name());
        spec = bindNullable(spec, "leadId", item.leadId(), String.class);
        spec = bindNullable(spec, "eventId", item.eventId(), String.class);
        spec = bindNullable(spec, "newPartition", item.newPartition(), Integer.class);
        spec = bindNullable(spec, "newOffset", item.newOffset(), Long.class);
        spec = bindNullable(spec, "note", item.note(), String.class);
        return spec.then()
                .then(auditLog.record(actor, AuditAction.REPLAY, "dead-letter", item.deadLetter().toString()))
                .doOnSuccess(done -> {
                    if (item.result() == ReplayOutcome.Result.REPLAYED) {
                        replays.merge(item.deadLetter(), 1, Integer::sum);
                    }
                });
    }

    public Mono<Void> finished(UUID id, Instant at, int replayed, int parked, int failed, String result) {
        return db.sql("""
                        update replay set finished_at = :at, replayed = :replayed, parked = :parked, failed = :failed,
                            result = :result where id = :id""")
                .bind("id", id)
                .bind("at", utc(at))
                .bind("replayed", replayed)
                .bind("parked", parked)
                .bind("failed", failed)
                .bind("result", result)
                .then();
    }

    /** The latest replays, newest first, for the page. */
    public Mono<List<Map<String, Object>>> latest(int limit) {
        return db.sql("""
                        select id, requested_at, finished_at, actor, reason, selection, planned, replayed, parked, failed, result
                        from replay order by requested_at desc limit :limit""")
                .bind("limit", limit)
                .fetch().all()
                .collectList()
                .map(ArrayList::new);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
            String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
