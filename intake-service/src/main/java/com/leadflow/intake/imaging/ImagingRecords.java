package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.platform.db.Columns;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The imaging tables: which file or study belongs to which lead, a study's series, and where the
 * bytes are. A study's instances are stored under {@link #instanceKey} and need no rows of their own.
 * Uploads and reads run on R2DBC; attaching to a new lead on JDBC, in the submission's transaction.
 */
@Repository
public class ImagingRecords {

    private final DatabaseClient db;
    private final JdbcClient jdbc;

    public ImagingRecords(DatabaseClient db, JdbcClient jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** Where instance {@code instance} of series {@code series} of a study is stored. */
    static String instanceKey(UUID imagingId, int series, int instance) {
        return imagingId + "-" + series + "-" + instance;
    }

    Mono<Void> insert(StoredImaging imaging) {
        var spec = db.sql("""
                        insert into imaging (id, lead_id, format, modality, size_bytes, sha256, study_date, uploaded_at,
                            storage_key, study_uid, study_description, body_part)
                        values (:id, :lead, :format, :modality, :size, :sha, :studyDate, :at, :key, :studyUid,
                            :studyDescription, :bodyPart)""")
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
        spec = text(spec, "studyUid", imaging.studyUid());
        spec = text(spec, "studyDescription", imaging.studyDescription());
        spec = text(spec, "bodyPart", imaging.bodyPart());
        return spec.then().thenMany(Flux.fromIterable(imaging.series()).concatMap(series -> insert(imaging.id(), series)))
                .then();
    }

    private Mono<Void> insert(UUID imagingId, StoredSeries series) {
        var spec = db.sql("""
                        insert into imaging_series (imaging_id, series_index, series_uid, series_number, modality,
                            description, body_part, image_count)
                        values (:id, :index, :uid, :number, :modality, :description, :bodyPart, :count)""")
                .bind("id", imagingId).bind("index", series.index()).bind("uid", series.seriesUid())
                .bind("count", series.imageCount());
        spec = series.seriesNumber() == null ? spec.bindNull("number", Integer.class)
                : spec.bind("number", series.seriesNumber());
        spec = text(spec, "modality", series.modality());
        spec = text(spec, "description", series.description());
        spec = text(spec, "bodyPart", series.bodyPart());
        return spec.then();
    }

    private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    /**
     * Gives a file uploaded with the form to the lead it was uploaded for; a file already given to
     * a lead, or unknown, yields nothing. On JDBC, in the calling thread's transaction (the submission's).
     */
    public Optional<StoredImaging> attachUnclaimed(UUID imagingId, UUID leadId) {
        int attached = jdbc.sql("update imaging set lead_id = :lead where id = :id and lead_id is null")
                .param("lead", leadId).param("id", imagingId)
                .update();
        if (attached == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select * from imaging where id = :id").param("id", imagingId)
                .query((row, n) -> imaging(Columns.of(row))).optional()
                .map(imaging -> imaging.withSeries(jdbc.sql(SERIES).param("id", imagingId)
                        .query((row, n) -> series(Columns.of(row))).list()));
    }

    /** A lead's imaging, oldest upload first (the care manager's lead detail lists it). */
    public Flux<StoredImaging> ofLead(UUID leadId) {
        return db.sql("select id from imaging where lead_id = :lead order by uploaded_at, id").bind("lead", leadId)
                .map((row, meta) -> row.get("id", UUID.class)).all()
                .concatMap(this::find);
    }

    /** A file or study with its series. */
    public Mono<StoredImaging> find(UUID imagingId) {
        return db.sql("select * from imaging where id = :id").bind("id", imagingId)
                .map(ImagingRecords::imaging)
                .one()
                .flatMap(imaging -> series(imagingId).collectList().map(imaging::withSeries));
    }

    private static final String SERIES = "select * from imaging_series where imaging_id = :id order by series_index";

    private Flux<StoredSeries> series(UUID imagingId) {
        return db.sql(SERIES).bind("id", imagingId).map(row -> series(row::get)).all();
    }

    private static StoredSeries series(Columns row) {
        return new StoredSeries(row.get("series_index", Integer.class), row.get("series_uid", String.class),
                row.get("series_number", Integer.class), row.get("modality", String.class),
                row.get("description", String.class), row.get("body_part", String.class),
                row.get("image_count", Integer.class));
    }

    private static StoredImaging imaging(Readable row) {
        return imaging(row::get);
    }

    private static StoredImaging imaging(Columns row) {
        return new StoredImaging(
                row.get("id", UUID.class),
                row.get("lead_id", UUID.class),
                ImagingFormat.valueOf(row.get("format", String.class)),
                ImagingModality.valueOf(row.get("modality", String.class)),
                row.get("size_bytes", Long.class),
                row.get("sha256", String.class),
                row.get("study_date", LocalDate.class),
                row.get("uploaded_at", OffsetDateTime.class).toInstant(),
                row.get("storage_key", String.class),
                row.get("study_uid", String.class),
                row.get("study_description", String.class),
                row.get("body_part", String.class),
                null);
    }
}
