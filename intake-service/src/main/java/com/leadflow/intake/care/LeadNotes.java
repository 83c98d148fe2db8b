package com.leadflow.intake.care;

import com.leadflow.platform.db.SqlValues;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Care managers' notes on a lead: free text, so PHI; kept apart from the timeline, which is PHI-free. */
@Repository
class LeadNotes {

    static final int MAX_LENGTH = 2000;

    record Note(Instant writtenAt, String author, String text) {
    }

    private final DatabaseClient db;

    LeadNotes(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> add(UUID leadId, Instant at, String author, String text) {
        return db.sql("insert into lead_note (lead_id, written_at, author, body) values (:lead, :at, :author, :body)")
                .bind("lead", leadId).bind("at", SqlValues.utc(at)).bind("author", author).bind("body", text)
                .then();
    }

    /** Newest first. */
    Mono<List<Note>> of(UUID leadId) {
        return db.sql("select written_at, author, body from lead_note where lead_id = :lead order by written_at desc, id desc")
                .bind("lead", leadId)
                .map((row, meta) -> new Note(row.get("written_at", OffsetDateTime.class).toInstant(),
                        row.get("author", String.class), row.get("body", String.class)))
                .all().collectList();
    }
}
