package com.leadflow.intake.care;

import com.leadflow.intake.imaging.ImagingRecords;
import com.leadflow.intake.timeline.StageBoard;
import com.leadflow.intake.timeline.Timeline;
import com.leadflow.intake.timeline.TimelineEntry;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a whole lead with its evidence, stages and their results, imaging, notes and timeline. */
@Repository
class LeadReader {

    private final DatabaseClient db;
    private final Timeline timeline;
    private final ImagingRecords imaging;
    private final LeadNotes notes;
    private final JsonMapper json;
    private final Clock clock;
    private final SpeedToLeadProperties speed;

    LeadReader(DatabaseClient db, Timeline timeline, ImagingRecords imaging, LeadNotes notes, JsonMapper json,
            Clock clock, SpeedToLeadProperties speed) {
        this.db = db;
        this.timeline = timeline;
        this.imaging = imaging;
        this.notes = notes;
        this.json = json;
        this.clock = clock;
        this.speed = speed;
    }

    Mono<LeadView> read(UUID leadId) {
        return db.sql("select * from lead where id = :id").bind("id", leadId)
                .map((row, meta) -> row(row))
                .one()
                .flatMap(lead -> Mono.zip(timeline.history(leadId), laterDuplicates(leadId),
                                imaging.ofLead(leadId).map(file -> new LeadView.Imaging(file.id(), file.modality().name(),
                                        file.format().name(), file.sizeBytes(), file.studyDate(), file.uploadedAt()))
                                        .collectList(),
                                notes.of(leadId))
                        .map(parts -> new LeadView(lead.id(), lead.submittedAt(), lead.requestedServices(),
                                lead.possibleDuplicateOf(), parts.getT2(), lead.details(), lead.consent(),
                                lead.attribution(), lead.firstContactedAt(), lead.owner(), lead.speedToLead(),
                                lead.currentStage(), lead.currentStatus(), stages(parts.getT1()), parts.getT3(),
                                parts.getT4(), StageBoard.ordered(parts.getT1()))));
    }

    private static List<LeadView.Stage> stages(List<TimelineEntry> history) {
        Map<String, Map<String, Object>> results = StageBoard.results(history);
        return StageBoard.current(history).stream()
                .map(s -> new LeadView.Stage(s.stage(), s.status(), s.occurredAt(), results.get(s.stage())))
                .toList();
    }

    private Mono<List<UUID>> laterDuplicates(UUID leadId) {
        return db.sql("select id from lead where possible_duplicate_of = :id order by submitted_at").bind("id", leadId)
                .map((row, meta) -> row.get("id", UUID.class)).all().collectList();
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
        Instant submitted = instant(row, "submitted_at");
        Integer attempts = row.get("contact_attempts", Integer.class);
        SpeedToLead clockNow = SpeedToLead.of(submitted, instant(row, "reached_at"), attempts == null ? 0 : attempts,
                instant(row, "last_attempt_at"), speed.overdueAfter(), clock.instant());
        return new LeadView(row.get("id", UUID.class), submitted,
                Arrays.asList(row.get("requested_services", String.class).split(",")),
                row.get("possible_duplicate_of", UUID.class), List.of(), details, consent, attribution,
                instant(row, "first_contacted_at"), row.get("owner", String.class), clockNow,
                row.get("current_stage", String.class), row.get("current_status", String.class), null, null, null,
                null);
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
