package com.leadflow.intake.care;

import com.leadflow.intake.timeline.LeadChange;
import com.leadflow.intake.timeline.Timeline;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The care manager's list of leads and the contact attempts recorded against them. */
@Repository
class CareQueue {

    static final int PAGE = 200;

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

    /** Newest first, optionally only one current stage and/or one requested service. */
    Flux<LeadSummary> list(String stage, String service) {
        StringBuilder sql = new StringBuilder("select * from lead where 1 = 1");
        if (stage != null) {
            sql.append(" and current_stage = :stage");
        }
        if (service != null) {
            // services are stored comma-joined; the enum names contain no commas
            sql.append(" and (',' || requested_services || ',') like :service");
        }
        sql.append(" order by submitted_at desc limit ").append(PAGE);
        var spec = db.sql(sql.toString());
        if (stage != null) {
            spec = spec.bind("stage", stage);
        }
        if (service != null) {
            spec = spec.bind("service", "%," + service + ",%");
        }
        Instant now = clock.instant();
        return spec.map((row, meta) -> summary(row, now)).all();
    }

    /** Records the attempt; the first one stops the speed-to-lead clock. Empty when there is no such lead. */
    Mono<LeadChange> recordAttempt(UUID leadId, ContactAttempt attempt, String actor) {
        Instant now = clock.instant();
        return timeline.exists(leadId).filter(Boolean::booleanValue)
                .flatMap(known -> db.sql("update lead set first_contacted_at = :at where id = :id and first_contacted_at is null")
                        .bind("at", now.atOffset(java.time.ZoneOffset.UTC)).bind("id", leadId).then()
                        .then(timeline.recordIntakeStep(leadId, now, "CONTACT", "CONTACT_ATTEMPTED", attempt.summary(),
                                actor)));
    }

    private LeadSummary summary(Readable row, Instant now) {
        Map<String, Object> details = json.readValue(row.get("details", String.class), new TypeReference<>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) details.get("contact");
        Instant submitted = LeadReader.instant(row, "submitted_at");
        Instant contacted = LeadReader.instant(row, "first_contacted_at");
        boolean callBack = Boolean.TRUE.equals(row.get("callback_requested", Boolean.class));
        return new LeadSummary(row.get("id", UUID.class), submitted,
                contact.get("firstName") + " " + contact.get("lastName"),
                (String) contact.get("phone"), (String) contact.get("email"),
                String.valueOf(contact.get("preferredChannel")), String.valueOf(contact.get("preferredTime")),
                Arrays.asList(row.get("requested_services", String.class).split(",")),
                row.get("current_stage", String.class), row.get("current_status", String.class),
                row.get("possible_duplicate_of", UUID.class), contacted,
                SpeedToLead.of(callBack, submitted, contacted, speed.overdueAfter(), now));
    }
}
