package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.intake.timeline.LeadChange;
import com.leadflow.intake.timeline.Timeline;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.Problems;
import com.leadflow.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Receives imaging files: at most the configured size, and only DICOM, PDF, JPEG or PNG as their
 * bytes show. A file uploaded with the form waits for the lead that claims it; a file added through
 * the status link joins its lead at once and is announced with {@code ImagingAttached}, in the same
 * transaction.
 */
@Service
public class ImagingUploads {

    private static final Logger log = LoggerFactory.getLogger(ImagingUploads.class);

    private final ImagingStore store;
    private final ImagingRecords records;
    private final ImagingProperties properties;
    private final Timeline timeline;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    ImagingUploads(ImagingStore store, ImagingRecords records, ImagingProperties properties, Timeline timeline,
            Outbox outbox, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.records = records;
        this.properties = properties;
        this.timeline = timeline;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** A file for a lead not yet submitted. */
    public Mono<StoredImaging> receiveForNewLead(FilePart file, ImagingModality modality, LocalDate studyDate) {
        return checkAndStore(file, modality, studyDate, null)
                .flatMap(imaging -> records.insert(imaging).thenReturn(imaging));
    }

    /** A file for an existing lead, announced to the review service. */
    public Mono<LeadChange> receiveForLead(UUID leadId, FilePart file, ImagingModality modality, LocalDate studyDate) {
        return checkAndStore(file, modality, studyDate, leadId).flatMap(imaging -> tx.transactional(
                records.insert(imaging)
                        .then(outbox.record(Topics.LEADS_IMAGING, leadId.toString(), ImagingAttached.newBuilder()
                                .setLeadId(leadId.toString()).setAttachedAt(imaging.uploadedAt())
                                .setImaging(imaging.reference()).build()))
                        .then(audit.record(AuditAction.CREATE, "imaging", imaging.id().toString()))
                        .then(timeline.recordIntakeStep(leadId, imaging.uploadedAt(), "INTAKE", "IMAGING_ATTACHED",
                                "Imaging attached (" + imaging.format() + ")", null)))
                .doOnSuccess(change -> log.info("Imaging {} attached to lead {}", imaging.id(), leadId)));
    }

    private Mono<StoredImaging> checkAndStore(FilePart file, ImagingModality modality, LocalDate studyDate,
            UUID leadId) {
        UUID id = UUID.randomUUID();
        long max = properties.maxFileSize().toBytes();
        return Mono.fromCallable(() -> Files.createTempFile("imaging-", ".upload"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> {
                    AtomicLong size = new AtomicLong();
                    var limited = file.content().doOnNext(buffer -> {
                        if (size.addAndGet(buffer.readableByteCount()) > max) {
                            DataBufferUtils.release(buffer);
                            throw tooLarge();
                        }
                    });
                    return DataBufferUtils.write(limited, temp)
                            .then(Mono.fromCallable(() -> inspect(temp, file.filename())).subscribeOn(Schedulers.boundedElastic()))
                            .flatMap(checked -> store.put(id.toString(), temp).thenReturn(new StoredImaging(id, leadId,
                                    checked.format(), modality, size.get(), checked.sha256(), studyDate,
                                    clock.instant(), id.toString())))
                            .doOnError(e -> temp.toFile().delete());
                });
    }

    private record Checked(ImagingFormat format, String sha256) {
    }

    private Checked inspect(Path file, String filename) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(FileKind.HEADER_BYTES);
        }
        ImagingFormat detected = FileKind.detect(header).orElseThrow(() -> unsupported("unsupported-type",
                "Only DICOM, PDF, JPEG and PNG files are accepted; this file's content is none of them."));
        FileKind.claimedBy(filename).filter(claimed -> claimed != detected).ifPresent(claimed -> {
            throw unsupported("content-mismatch", "The file's name says " + claimed + " but its content is " + detected + ".");
        });
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new Checked(detected, HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ErrorResponseException tooLarge() {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                "A file may be at most " + properties.maxFileSize().toMegabytes() + " MB ("
                        + properties.maxFileSize().toBytes() + " bytes).");
        problem.setProperty("errors", List.of(new FieldViolation("file", "max-size", problem.getDetail())));
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    private static ErrorResponseException unsupported(String rule, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file", "Unsupported file",
                message);
        problem.setProperty("errors", List.of(new FieldViolation("file", rule, message)));
        return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
    }
}
