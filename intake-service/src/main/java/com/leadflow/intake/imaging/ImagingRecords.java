package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The imaging table: which file belongs to which lead, and where its bytes are. */
@Repository
public class ImagingRecords {

    private final DatabaseClient db;

    public ImagingRecords(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(StoredImaging imaging) {
        var spec = db.sql("""
                        insert into imaging (id, lead_id, format, modality, size_bytes, sha256, study_date, uploaded_at, storage_key)
                        values (:id, :lead, :format, :modality, :size, :sha, :studyDate, :at, :key)""")
                .bind("id", imaging.id())
                .bind("format", imaging.format().name())
                .bind("modality", imaging.modality().name())
                .bind("size", imaging.sizeBytes())
                .bind("sha", imaging.sha256())
                .bind("at", imaging.uploadedAt().atOffset(ZoneOffset.UTC))
                .bind("key", imaging.storageKey());
        spec = imaging.leadId() == null ? spec.bindNull("lead", UUID.class) : spec.bind("lead", imaging.leadId());
        spec = imaging.studyDate() == null ? spec.bindNull("studyDate", LocalDate.class)
                : spec.bind("studyDate", imaging.studyDate());
        return spec.then();
    }

    /**
     * Gives a file uploaded with the form to the lead it was uploaded for; a file already given to
     * a lead, or unknown, yields nothing.
     */
    public Mono<StoredImaging> attachUnclaimed(UUID imagingId, UUID leadId) {
        return db.sql("update imaging set lead_id = :lead where id = :id and lead_id is null")
                .bind("lead", leadId).bind("id", imagingId)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.<StoredImaging>empty() : find(imagingId));
    }

    /** A lead's imaging, oldest upload first (the care manager's lead detail lists it). */
    public Flux<StoredImaging> ofLead(UUID leadId) {
        return db.sql("select id from imaging where lead_id = :lead order by uploaded_at, id").bind("lead", leadId)
                .map((row, meta) -> row.get("id", UUID.class)).all()
                .concatMap(this::find);
    }

    public Mono<StoredImaging> find(UUID imagingId) {
        return db.sql("select * from imaging where id = :id").bind("id", imagingId)
                .map((row, meta) -> new StoredImaging(
                        row.get("id", UUID.class),
                        row.get("lead_id", UUID.class),
                        ImagingFormat.valueOf(row.get("format", String.class)),
                        ImagingModality.valueOf(row.get("modality", String.class)),
                        row.get("size_bytes", Long.class),
                        row.get("sha256", String.class),
                        row.get("study_date", LocalDate.class),
                        row.get("uploaded_at", OffsetDateTime.class).toInstant(),
                        row.get("storage_key", String.class)))
                .one();
    }
}
