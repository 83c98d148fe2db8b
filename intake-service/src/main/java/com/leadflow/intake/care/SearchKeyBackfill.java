package com.leadflow.intake.care;

import com.leadflow.intake.lead.SearchKeys;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives leads stored before the care workspace (migration V2) their search keys, a few hundred at a
 * time, once the service is up; new leads get theirs when they are stored.
 */
@Component
class SearchKeyBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchKeyBackfill.class);
    private static final int BATCH = 200;

    private final DatabaseClient db;
    private final JsonMapper json;

    SearchKeyBackfill(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        batch().expand(done -> done < BATCH ? Mono.empty() : batch())
                .reduce(0L, Long::sum)
                .subscribe(total -> {
                    if (total > 0) {
                        log.info("Search keys given to {} earlier leads", total);
                    }
                }, e -> log.warn("Search keys of earlier leads not given: {}", e.toString()));
    }

    private Mono<Long> batch() {
        return db.sql("select id, details from lead where name_key is null limit " + BATCH)
                .map((row, meta) -> Map.entry(row.get("id", UUID.class), row.get("details", String.class)))
                .all()
                .concatMap(lead -> {
                    Map<String, Object> details = json.readValue(lead.getValue(), new TypeReference<>() {
                    });
                    @SuppressWarnings("unchecked")
                    Map<String, Object> contact = (Map<String, Object>) details.get("contact");
                    String first = String.valueOf(contact.get("firstName"));
                    String last = String.valueOf(contact.get("lastName"));
                    return db.sql("update lead set name_key = :name, last_name_key = :last where id = :id")
                            .bind("name", SearchKeys.fullName(first, last)).bind("last", SearchKeys.lastName(last))
                            .bind("id", lead.getKey()).fetch().rowsUpdated();
                })
                .count();
    }
}
