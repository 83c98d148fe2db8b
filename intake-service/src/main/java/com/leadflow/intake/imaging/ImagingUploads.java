package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.intake.imaging.UploadSorting.Candidate;
import com.leadflow.intake.imaging.UploadSorting.Instance;
import com.leadflow.intake.imaging.UploadSorting.Report;
import com.leadflow.intake.imaging.UploadSorting.SeriesGroup;
import com.leadflow.intake.imaging.UploadSorting.Sorted;
import com.leadflow.intake.imaging.UploadSorting.StudyGroup;
import com.leadflow.intake.timeline.LeadChange;
import com.leadflow.intake.timeline.Timeline;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Receives imaging: one upload is one or more files (at most {@code max-files}), each at most the
 * configured size, each a ZIP of a study or a DICOM, PDF, JPEG or PNG file as its bytes show.
 * DICOM instances become studies (one per StudyInstanceUID, its series by SeriesInstanceUID, read
 * from the tags); reports stay single files. Everything is checked before anything is stored, so a
 * refused upload leaves nothing behind. Uploads with the form wait for the lead that claims them;
 * uploads through the status link join their lead at once and are announced with
 * {@code ImagingAttached}, in the same transaction.
 */
@Service
public class ImagingUploads {

    private static final Logger log = LoggerFactory.getLogger(ImagingUploads.class);
    private static final LocalDate FIRST_STUDIES = LocalDate.of(1971, 1, 1);

    /** What one upload became, and how many files of an archive were left out as not imaging. */
    public record Received(List<StoredImaging> imaging, int leftOut) {
    }

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

    /** Files for a lead not yet submitted. */
    public Mono<Received> receiveForNewLead(List<FilePart> files, ImagingModality modality, LocalDate studyDate) {
        return checkAndStore(files, modality, studyDate, null).flatMap(received -> tx.transactional(
                Flux.fromIterable(received.imaging()).concatMap(records::insert).then()).thenReturn(received));
    }

    /** Files for an existing lead, each study or report announced to the review service. */
    public Mono<LeadChange> receiveForLead(UUID leadId, List<FilePart> files, ImagingModality modality,
            LocalDate studyDate) {
        return checkAndStore(files, modality, studyDate, leadId).flatMap(received -> tx.transactional(
                Flux.fromIterable(received.imaging()).concatMap(imaging -> records.insert(imaging)
                                .then(outbox.record(Topics.LEADS_IMAGING, leadId.toString(), ImagingAttached.newBuilder()
                                        .setLeadId(leadId.toString()).setAttachedAt(imaging.uploadedAt())
                                        .setImaging(imaging.reference()).build()))
                                .then(audit.record(AuditAction.CREATE, "imaging", imaging.id().toString())))
                        .then(timeline.recordIntakeStep(leadId, clock.instant(), "INTAKE", "IMAGING_ATTACHED",
                                "Imaging attached (" + summary(received.imaging()) + ")", null)))
                .doOnSuccess(change -> log.info("{} imaging item(s) attached to lead {}", received.imaging().size(), leadId)));
    }

    private Mono<Received> checkAndStore(List<FilePart> files, ImagingModality modality, LocalDate studyDate,
            UUID leadId) {
        if (files.size() > properties.maxFiles()) {
            return Mono.error(UploadRefusals.tooManyFiles(properties.maxFiles()));
        }
        List<Path> temporary = Collections.synchronizedList(new ArrayList<>());
        return Flux.fromIterable(files).index()
                .concatMap(part -> receive(part.getT2(), "file " + (part.getT1() + 1), temporary))
                .collectList()
                .flatMap(received -> Mono.fromCallable(() -> sortAll(received, temporary))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(sorted -> keep(sorted, modality, studyDate, leadId))
                .doFinally(signal -> temporary.forEach(path -> path.toFile().delete()));
    }

    /** One part to a temporary file, stopped as soon as it passes the size limit. */
    private Mono<Candidate> receive(FilePart file, String label, List<Path> temporary) {
        long max = properties.maxFileSize().toBytes();
        return Mono.fromCallable(() -> {
            Path temp = Files.createTempFile("imaging-", ".upload");
            temporary.add(temp);
            return temp;
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(temp -> {
            AtomicLong size = new AtomicLong();
            var limited = file.content().doOnNext(buffer -> {
                if (size.addAndGet(buffer.readableByteCount()) > max) {
                    DataBufferUtils.release(buffer);
                    throw UploadRefusals.tooLarge(files(label), max);
                }
            });
            return DataBufferUtils.write(limited, temp)
                    .then(Mono.fromCallable(() -> new Candidate(label, file.filename(), temp, size.get(), false)));
        });
    }

    private static String files(String label) {
        return label.equals("file 1") ? "The file" : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private Sorted sortAll(List<Candidate> received, List<Path> temporary) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate part : received) {
            if (!StudyArchive.isZip(StudyArchive.readHeader(part.file()))) {
                candidates.add(part);
                continue;
            }
            List<StudyArchive.Member> members = StudyArchive.expand(part.file(), part.label(), properties.archive(),
                    properties.maxFileSize().toBytes());
            members.forEach(member -> {
                temporary.add(member.file());
                candidates.add(new Candidate(member.label(), member.name(), member.file(), member.size(), true));
            });
        }
        Sorted sorted = UploadSorting.sort(candidates);
        if (sorted.reports().isEmpty() && sorted.studies().isEmpty()) {
            throw UploadRefusals.unsupported("no-imaging",
                    "The upload holds no DICOM, PDF, JPEG or PNG file; nothing was kept.");
        }
        return sorted;
    }

    /** Moves the checked files into the store and describes them; nothing is refused past this point. */
    private Mono<Received> keep(Sorted sorted, ImagingModality modality, LocalDate studyDate, UUID leadId) {
        Instant now = clock.instant();
        Flux<StoredImaging> reports = Flux.fromIterable(sorted.reports()).concatMap(report -> keepReport(report,
                modality, studyDate, leadId, now));
        Flux<StoredImaging> studies = Flux.fromIterable(sorted.studies()).concatMap(study -> keepStudy(study,
                modality, studyDate, leadId, now));
        return Flux.concat(studies, reports).collectList().map(kept -> new Received(kept, sorted.leftOut().size()));
    }

    private Mono<StoredImaging> keepReport(Report report, ImagingModality modality, LocalDate studyDate, UUID leadId,
            Instant now) {
        // random, never TimeOrderedUuid: until a lead claims the upload, whoever submits its id attaches it
        UUID id = UUID.randomUUID();
        return Mono.fromCallable(() -> sha256(List.of(report.file().file()))).subscribeOn(Schedulers.boundedElastic())
                .flatMap(sha -> store.put(id.toString(), report.file().file()).thenReturn(new StoredImaging(id, leadId,
                        report.format(), modality, report.file().size(), sha, studyDate, now, id.toString())));
    }

    private Mono<StoredImaging> keepStudy(StudyGroup study, ImagingModality modality, LocalDate studyDate, UUID leadId,
            Instant now) {
        UUID id = UUID.randomUUID(); // random, as a report's: the id attaches the upload
        List<Path> files = study.series().stream().flatMap(s -> s.instances().stream()).map(i -> i.file().file()).toList();
        long size = study.series().stream().flatMap(s -> s.instances().stream()).mapToLong(i -> i.file().size()).sum();
        List<StoredSeries> series = new ArrayList<>();
        for (int s = 0; s < study.series().size(); s++) {
            SeriesGroup group = study.series().get(s);
            series.add(new StoredSeries(s, group.seriesUid(), group.seriesNumber(), group.modality(), group.description(),
                    group.bodyPart(), group.instances().size()));
        }
        Flux<Void> puts = Flux.range(0, study.series().size()).concatMap(s -> {
            List<Instance> instances = study.series().get(s).instances();
            return Flux.range(0, instances.size())
                    .concatMap(i -> store.put(ImagingRecords.instanceKey(id, s, i), instances.get(i).file().file()));
        });
        LocalDate date = plausible(study.studyDate()) ? study.studyDate() : studyDate;
        return Mono.fromCallable(() -> sha256(files)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(sha -> puts.then(Mono.just(new StoredImaging(id, leadId, ImagingFormat.DICOM,
                        modalityOf(study.modality(), modality), size, sha, date, now, ImagingRecords.instanceKey(id, 0, 0),
                        study.studyUid(), study.description(), study.bodyPart(), series))));
    }

    private boolean plausible(LocalDate date) {
        return date != null && !date.isBefore(FIRST_STUDIES) && !date.isAfter(LocalDate.now(clock).plusDays(1));
    }

    /** The files' own modality wins over what the visitor chose. */
    static ImagingModality modalityOf(String dicomModality, ImagingModality chosen) {
        if (dicomModality == null) {
            return chosen;
        }
        return switch (dicomModality) {
            case "MR" -> ImagingModality.MRI;
            case "CT" -> ImagingModality.CT;
            case "CR", "DX", "RF", "XA" -> ImagingModality.XRAY;
            default -> chosen;
        };
    }

    private static String summary(List<StoredImaging> imaging) {
        return imaging.stream().map(i -> i.series().isEmpty() ? i.format().name()
                        : i.modality() + " study, " + i.series().size() + " series")
                .collect(Collectors.joining("; "));
    }

    private static String sha256(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
