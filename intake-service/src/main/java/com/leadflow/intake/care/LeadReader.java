package com.leadflow.intake.care;

import com.leadflow.intake.timeline.StageBoard;
import com.leadflow.intake.timeline.Timeline;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a whole lead with its evidence and timeline. */
@Repository
class LeadReader {

    private final DatabaseClient db;
    private final Timeline timeline;
    private final JsonMapper json;

    LeadReader(DatabaseClient db, Timeline timeline, JsonMapper json) {
        this.db = db;
        this.timeline = timeline;
        this.json = json;
    }

    Mono<LeadView> read(UUID leadId) {
        return db.sql("select * from lead where id = :id").bind("id", leadId)
                .map((row, meta) -> row(row))
                .one()
                .flatMap(partial -> timeline.history(leadId).map(history -> new LeadView(partial.id(),
                        partial.submittedAt(), partial.requestedServices(), partial.possibleDuplicateOf(),
                        partial.details(), partial.consent(), partial.attribution(), partial.firstContactedAt(),
                        partial.currentStage(), partial.currentStatus(), StageBoard.current(history),
                        StageBoard.ordered(history))));
    }

    private LeadView row(Readable row) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("contactConsentGiven", row.get("consent_given", Boolean.class));
        consent.put("disclosureVersion", row.get("disclosure_version", String.class));
        consent.put("disclosureSha256", row.get("disclosure_sha256", String.class));
        consent.put("recordedAt", instant(row, "consent_recorded_at"));
        consent.put("ipAddress", row.get("consent_ip", String.class));
        consent.put("userAgent", row.get("consent_user_agent", String.class));
        consent.put("pageUrl", row.get("consent_page_url", String.class));
        Map<String, Object> attribution = new LinkedHashMap<>();
        for (String column : new String[] {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
                "referrer", "landing_page"}) {
            attribution.put(camel(column), row.get(column, String.class));
        }
        attribution.put("firstTouchAt", instant(row, "first_touch_at"));
        Map<String, Object> details = json.readValue(row.get("details", String.class), new TypeReference<>() {
        });
        return new LeadView(row.get("id", UUID.class), instant(row, "submitted_at"),
                Arrays.asList(row.get("requested_services", String.class).split(",")),
                row.get("possible_duplicate_of", UUID.class), details, consent, attribution,
                instant(row, "first_contacted_at"), row.get("current_stage", String.class),
                row.get("current_status", String.class), null, null);
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
