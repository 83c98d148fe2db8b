package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.intake.timeline.LeadChanges;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.openapi.PublicEndpoint;
import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.platform.web.MultipartBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imaging in and out: visitors upload (multipart, one or more parts {@code file}: DICOM files, a ZIP
 * of a study, PDFs or images; optional {@code modality} and {@code studyDate}, which the DICOM
 * tags override) with the form or through their status link; clinicians read.
 */
@Tag(name = "Imaging", description = "Imaging a visitor sends (a study, reports, pictures) and clinicians read")
@RestController
class ImagingController {

    private final ImagingUploads uploads;
    private final ImagingRecords records;
    private final ImagingStore store;
    private final ImagingProperties properties;
    private final AuditLog audit;
    private final LeadChanges changes;
    private final DatabaseClient db;
    private final Clock clock;

    ImagingController(ImagingUploads uploads, ImagingRecords records, ImagingStore store, ImagingProperties properties,
            AuditLog audit, LeadChanges changes, DatabaseClient db, Clock clock) {
        this.clock = clock;
        this.uploads = uploads;
        this.records = records;
        this.store = store;
        this.properties = properties;
        this.audit = audit;
        this.changes = changes;
        this.db = db;
    }

    @PublicEndpoint
    @Operation(summary = "Upload imaging with the form",
            description = "Multipart: one or more file parts (DICOM files, a ZIP of a study, PDFs, JPEG/PNG) and optional modality and studyDate. Answers 201 with imagingIds to pass in the lead.")
    @ApiResponse(responseCode = "201", description = "Stored: {imagingId, imagingIds, imaging[...], leftOut}")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @PostMapping(path = "/api/imaging", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> uploadWithForm(ServerWebExchange exchange) {
        return MultipartBodies.read(exchange).flatMap(parts -> {
            Upload upload = Upload.of(parts, LocalDate.now(clock));
            return uploads.receiveForNewLead(upload.files(), upload.modality(), upload.studyDate());
        }).map(received -> {
            StoredImaging first = received.imaging().get(0);
            Map<String, Object> body = new LinkedHashMap<>();
            // the first item's fields as before, for a form that sends one file
            body.put("imagingId", first.id());
            body.put("format", first.format());
            body.put("sizeBytes", first.sizeBytes());
            body.put("imagingIds", received.imaging().stream().map(StoredImaging::id).toList());
            body.put("imaging", received.imaging().stream().map(ImagingController::summary).toList());
            body.put("leftOut", received.leftOut());
            body.put("maxFileSizeBytes", properties.maxFileSize().toBytes());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        });
    }

    @PublicEndpoint
    @Operation(summary = "Upload imaging later, through the status link",
            description = "As the form's upload, attached to the link's lead at once (emits ImagingAttached).")
    @ApiResponse(responseCode = "201", description = "Attached to the lead")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @PostMapping(path = "/api/status/{token}/imaging", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> uploadLater(@PathVariable String token, ServerWebExchange exchange) {
        return leadOf(token).flatMap(leadId -> MultipartBodies.read(exchange).flatMap(parts -> {
            Upload upload = Upload.of(parts, LocalDate.now(clock));
            return uploads.receiveForLead(leadId, upload.files(), upload.modality(), upload.studyDate());
        })).doOnNext(changes::published)
                .map(change -> ResponseEntity.status(HttpStatus.CREATED).body(Map.<String, Object>of("attached", true)));
    }

    /** What the visitor is told was kept: kinds, dates and counts, nothing from inside the files but those. */
    private static Map<String, Object> summary(StoredImaging imaging) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("imagingId", imaging.id());
        item.put("format", imaging.format());
        item.put("modality", imaging.modality());
        item.put("studyDate", imaging.studyDate());
        item.put("series", imaging.series().stream()
                .map(s -> Map.of("description", s.description() == null ? "" : s.description(), "images", s.imageCount()))
                .toList());
        return item;
    }

    /**
     * The file itself, for clinicians; only files that belong to a lead. Every attempt is audited,
     * a guessed id too. Reports open in the browser ({@code inline}); DICOM, which browsers do not
     * show, is an attachment (the review page's viewer reads it by script).
     */
    @Operation(summary = "Download an imaging file",
            description = "The file, or a study's first slice; inline for PDF/JPEG/PNG, an attachment for DICOM. Audited, a guessed id too; 404 unless it belongs to a lead.")
    @GetMapping("/api/imaging/{id}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable UUID id) {
        return audit.record(AuditAction.DOWNLOAD, "imaging", id.toString()).then(claimed(id))
                .map(imaging -> {
                    var answer = ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(FileKind.mediaType(imaging.format())))
                            .header(HttpHeaders.CONTENT_DISPOSITION, disposition(imaging.format(), id + extension(imaging.format())));
                    if (imaging.series().isEmpty()) {
                        answer.contentLength(imaging.sizeBytes());
                    }
                    return answer.body(store.read(imaging.storageKey()));
                });
    }

    /** One instance (slice) of a study: series and instance by their place, as the events list them. */
    @Operation(summary = "Download one slice of a study",
            description = "Slice instance (0-based, instance-number order) of series (its place in the event's series list), as application/dicom. Audited; 404 outside the study.")
    @GetMapping("/api/imaging/{id}/series/{series}/instances/{instance}")
    Mono<ResponseEntity<Flux<DataBuffer>>> instance(@PathVariable UUID id, @PathVariable int series,
            @PathVariable int instance) {
        return audit.record(AuditAction.VIEW, "imaging", id + "/" + series + "/" + instance).then(claimed(id))
                .filter(imaging -> series >= 0 && series < imaging.series().size() && instance >= 0
                        && instance < imaging.series().get(series).imageCount())
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such image.")))
                .map(imaging -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(FileKind.mediaType(ImagingFormat.DICOM)))
                        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(ImagingFormat.DICOM,
                                id + "-" + series + "-" + instance + ".dcm"))
                        .body(store.read(ImagingRecords.instanceKey(id, series, instance))));
    }

    private Mono<StoredImaging> claimed(UUID id) {
        return records.find(id).filter(imaging -> imaging.leadId() != null)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such imaging file.")));
    }

    private static String disposition(ImagingFormat format, String filename) {
        boolean rendersSafely = format == ImagingFormat.PDF || format == ImagingFormat.JPEG || format == ImagingFormat.PNG;
        return (rendersSafely ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(filename).build().toString();
    }

    private Mono<UUID> leadOf(String token) {
        if (!token.matches("[A-Za-z0-9_-]{43}")) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No request is known under this link."));
        }
        return db.sql("select id from lead where status_token = :token").bind("token", token)
                .map((row, meta) -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No request is known under this link.")));
    }

    private static String extension(ImagingFormat format) {
        return switch (format) {
            case DICOM -> ".dcm";
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            case PNG -> ".png";
            default -> "";
        };
    }

    /**
     * The parts of an upload, checked. A study date lies between the first CT scans (1971) and
     * today (a day's grace: the visitor's today may be ahead of the server's).
     */
    record Upload(List<FilePart> files, ImagingModality modality, LocalDate studyDate) {

        static final LocalDate FIRST_STUDIES = LocalDate.of(1971, 1, 1);

        static Upload of(MultiValueMap<String, Part> parts, LocalDate today) {
            List<FilePart> files = parts.getOrDefault("file", List.of()).stream()
                    .filter(FilePart.class::isInstance).map(FilePart.class::cast).toList();
            if (files.isEmpty()) {
                throw InvalidRequestException.of("file", "required", "Attach a file in the part named 'file'.");
            }
            ImagingModality modality = ImagingModality.OTHER;
            if (parts.getFirst("modality") instanceof FormFieldPart field && !field.value().isBlank()) {
                try {
                    modality = ImagingModality.valueOf(field.value().strip());
                } catch (IllegalArgumentException e) {
                    throw InvalidRequestException.of("modality", "unknown-value", "Choose one of: MRI, CT, XRAY, OTHER.");
                }
            }
            LocalDate studyDate = null;
            if (parts.getFirst("studyDate") instanceof FormFieldPart field && !field.value().isBlank()) {
                try {
                    studyDate = LocalDate.parse(field.value().strip());
                } catch (DateTimeParseException e) {
                    throw InvalidRequestException.of("studyDate", "format", "Use a date like 2026-10-31.");
                }
                if (studyDate.isAfter(today.plusDays(1))) {
                    throw InvalidRequestException.of("studyDate", "not-in-future", "A study date cannot lie in the future.");
                }
                if (studyDate.isBefore(FIRST_STUDIES)) {
                    throw InvalidRequestException.of("studyDate", "plausible-date",
                            "A study date is 1971 or later: please check the year.");
                }
            }
            return new Upload(files, modality, studyDate);
        }
    }
}
