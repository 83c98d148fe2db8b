package com.leadflow.intake.care;

import com.leadflow.intake.care.InboxFilter.Sort;
import com.leadflow.intake.care.InboxQuery.Segment;
import com.leadflow.intake.timeline.LeadChange;
import com.leadflow.intake.timeline.StageStatus;
import com.leadflow.intake.timeline.Timeline;
import com.leadflow.platform.db.SqlRows;
import com.leadflow.platform.db.SqlValues;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The care manager's inbox, and what she records against a lead: contact attempts and its owner. */
@Repository
class CareQueue {

    private final DatabaseClient db;
    private final Timeline timeline;
    private final JsonMapper json;
    private final Clock clock;
    private final SpeedToLeadProperties speed;

    CareQueue(DatabaseClient db, Timeline timeline, JsonMapper json, Clock clock, SpeedToLeadProperties speed) {
        this.db = db;
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
        this.speed = speed;
    }

    /** A lead as the inbox found it, with the key the next page continues from. */
    private record Found(LeadSummary summary, boolean waiting, String nameKey) {
    }

    /** One page in the asked order; {@code me} is the signed-in person, for "my leads". */
    Mono<InboxPage> page(InboxFilter filter, String me) {
        Instant now = clock.instant();
        int size = filter.size();
        InboxCursor after = filter.after();
        Mono<List<Found>> found;
        if (filter.sort() != Sort.ATTENTION) {
            found = fetch(filter, Segment.ALL, after, size + 1, me, now);
        } else if (after != null && !after.waiting()) {
            found = fetch(filter, Segment.REACHED, after, size + 1, me, now);
        } else {
            // the waiting leads first; once they run out, the page goes on with the reached ones
            found = fetch(filter, Segment.WAITING, after, size + 1, me, now).flatMap(waiting -> waiting.size() > size
                    ? Mono.just(waiting)
                    : fetch(filter, Segment.REACHED, null, size + 1 - waiting.size(), me, now).map(reached -> {
                        List<Found> both = new ArrayList<>(waiting);
                        both.addAll(reached);
                        return both;
                    }));
        }
        return found.flatMap(rows -> {
            List<Found> shown = rows.subList(0, Math.min(size, rows.size()));
            String next = rows.size() > size ? cursor(filter.sort(), shown.get(shown.size() - 1)) : null;
            return withStages(shown.stream().map(Found::summary).toList()).map(leads -> new InboxPage(leads, next));
        });
    }

    /** The inbox's statement for a page (for the plan test), as {@link #page} runs it first. */
    InboxQuery.Statement firstStatement(InboxFilter filter, String me) {
        Segment segment = filter.sort() != Sort.ATTENTION ? Segment.ALL
                : filter.after() != null && !filter.after().waiting() ? Segment.REACHED : Segment.WAITING;
        return InboxQuery.page(filter, segment, filter.after(), filter.size() + 1, me,
                clock.instant().minus(speed.overdueAfter()));
    }

    private Mono<List<Found>> fetch(InboxFilter filter, Segment segment, InboxCursor after, int limit, String me,
            Instant now) {
        return InboxQuery.page(filter, segment, after, limit, me, now.minus(speed.overdueAfter())).on(db, "")
                .map((row, meta) -> new Found(summary(row, now), Boolean.TRUE.equals(row.get("waiting", Boolean.class)),
                        row.get("name_key", String.class)))
                .all().collectList();
    }

    private static String cursor(Sort sort, Found last) {
        boolean byName = sort == Sort.NAME || sort == Sort.NAME_DESC;
        String key = !byName ? last.summary().submittedAt().toString() : last.nameKey() == null ? "" : last.nameKey();
        return new InboxCursor(sort, last.waiting(), key, last.summary().id()).encode();
    }

    private Mono<List<LeadSummary>> withStages(List<LeadSummary> leads) {
        if (leads.isEmpty()) {
            return Mono.just(leads);
        }
        List<UUID> ids = leads.stream().map(LeadSummary::id).toList();
        return Flux.fromIterable(SqlRows.chunks(ids))
                .concatMap(chunk -> {
                    var select = db.sql("select lead_id, stage, status, occurred_at from lead_stage where lead_id in ("
                            + SqlRows.values(chunk.size(), ":id#") + ") order by occurred_at");
                    for (int i = 0; i < chunk.size(); i++) {
                        select = select.bind("id" + i, chunk.get(i));
                    }
                    return select.map((row, meta) -> Map.entry(row.get("lead_id", UUID.class), new StageStatus(
                            row.get("stage", String.class), row.get("status", String.class),
                            row.get("occurred_at", OffsetDateTime.class).toInstant()))).all();
                })
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                .map(byLead -> leads.stream().map(lead -> lead.withStages(byLead.getOrDefault(lead.id(), List.of())))
                        .toList());
    }

    /**
     * Records the attempt and counts it; reaching the visitor stops the speed-to-lead clock. Empty
     * when there is no such lead.
     */
    Mono<LeadChange> recordAttempt(UUID leadId, ContactAttempt attempt, String actor) {
        Instant now = clock.instant();
        String reached = attempt.reaches() ? ", waiting = false, reached_at = coalesce(reached_at, :at)" : "";
        return db.sql("update lead set first_contacted_at = coalesce(first_contacted_at, :at),"
                        + " contact_attempts = contact_attempts + 1, last_attempt_at = :at" + reached + " where id = :id")
                .bind("at", SqlValues.utc(now)).bind("id", leadId)
                .fetch().rowsUpdated()
                .filter(rows -> rows > 0)
                .flatMap(updated -> timeline.recordIntakeStep(leadId, now, "CONTACT", Labels.CONTACT_ATTEMPTED,
                        attempt.summary(), actor));
    }

    /** True when the lead exists; empty when not. */
    Mono<Boolean> known(UUID leadId) {
        return timeline.exists(leadId).filter(Boolean::booleanValue);
    }

    /** Gives the lead to {@code owner} (null: to nobody); empty when there is no such lead. */
    Mono<LeadChange> assign(UUID leadId, String owner) {
        return SqlValues.bind(db.sql("update lead set owner = :owner where id = :id").bind("id", leadId), "owner", owner,
                        String.class)
                .fetch().rowsUpdated()
                .filter(rows -> rows > 0)
                .map(updated -> new LeadChange(leadId, "CONTACT", "OWNER_CHANGED", clock.instant()));
    }

    LeadSummary summary(Readable row, Instant now) {
        Map<String, Object> details = json.readValue(row.get("details", String.class), new TypeReference<>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) details.get("contact");
        Instant submitted = LeadReader.instant(row, "submitted_at");
        Integer attempts = row.get("contact_attempts", Integer.class);
        return new LeadSummary(row.get("id", UUID.class), submitted,
                contact.get("firstName") + " " + contact.get("lastName"),
                (String) contact.get("phone"), (String) contact.get("email"),
                String.valueOf(contact.get("preferredChannel")), String.valueOf(contact.get("preferredTime")),
                Arrays.asList(row.get("requested_services", String.class).split(",")),
                row.get("current_stage", String.class), row.get("current_status", String.class), List.of(),
                row.get("possible_duplicate_of", UUID.class), row.get("owner", String.class),
                SpeedToLead.of(submitted, LeadReader.instant(row, "reached_at"), attempts == null ? 0 : attempts,
                        LeadReader.instant(row, "last_attempt_at"), speed.overdueAfter(), now));
    }
}
