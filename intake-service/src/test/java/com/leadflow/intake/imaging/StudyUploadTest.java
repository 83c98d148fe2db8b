package com.leadflow.intake.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.intake.Clients;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.schemas.Topics;
import com.leadflow.test.SyntheticDicom;
import com.leadflow.test.SyntheticDicom.Entry;
import com.leadflow.test.SyntheticDicom.Series;
import com.leadflow.test.TopicProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A visitor sends a whole study: a disc export as a ZIP, or its DICOM files at once. Synthetic
 * studies only (made by {@link SyntheticDicom}); never a person's.
 */
@IntakeIntegrationTest
class StudyUploadTest {

    static final String STUDY = "1.2.826.0.1.3680043.10.77.1";
    static final LocalDate TAKEN = LocalDate.of(2026, 8, 14);
    static final Series SAGITTAL = new Series(STUDY + ".2", 2, "SAG T2", 3);
    static final Series AXIAL = new Series(STUDY + ".3", 3, "AX T2", 4);
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes();

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${leadflow.intake.imaging.directory}")
    Path directory;

    @Test
    void aZipOfADiscExportIsKeptAsOneStudyWithItsSeriesAndTags() {
        // the axial series first in the archive, slices out of order, a readme and the disc's index beside them
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("README.TXT", "Open the viewer on the disc".getBytes()));
        for (int i = AXIAL.slices(); i >= 1; i--) {
            entries.add(new Entry("DICOM/AX/IM" + i, SyntheticDicom.slice(STUDY, TAKEN, AXIAL, i)));
        }
        for (int i = 1; i <= SAGITTAL.slices(); i++) {
            entries.add(new Entry("DICOM/SAG/IM" + i + ".dcm", SyntheticDicom.slice(STUDY, TAKEN, SAGITTAL, i)));
        }
        entries.add(new Entry("report.pdf", PDF));

        Map<?, ?> answer = upload(part("disc-export.zip", SyntheticDicom.zip(entries))).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("leftOut")).isEqualTo(1);
        List<?> ids = (List<?>) answer.get("imagingIds");
        assertThat(ids).hasSize(2);

        String leadId = Submissions.submit(http, LeadJson.valid().with("imagingIds", ids)).get("leadId");
        try (var probe = TopicProbe.of(brokers, Topics.LEADS_SUBMITTED)) {
            LeadSubmitted event = probe.await(r -> r.key().equals(leadId), Duration.ofSeconds(20)).value();
            ImagingReference study = event.getImaging().stream().filter(r -> r.getFormat() == ImagingFormat.DICOM)
                    .findFirst().orElseThrow();
            assertThat(study.getModality()).isEqualTo(ImagingModality.MRI);
            assertThat(study.getStudyDate()).isEqualTo(TAKEN);
            assertThat(study.getStudyInstanceUid()).isEqualTo(STUDY);
            assertThat(study.getBodyPart()).isEqualTo("LSPINE");
            assertThat(study.getSeries()).extracting(s -> s.getDescription() + " " + s.getImageCount() + " " + s.getModality())
                    .containsExactly("SAG T2 3 MR", "AX T2 4 MR");
            assertThat(event.getImaging()).filteredOn(r -> r.getFormat() == ImagingFormat.PDF).hasSize(1);

            // the slices are served in instance order, whatever their order in the archive
            byte[] firstAxial = http.get().uri("/api/imaging/{id}/series/1/instances/0", study.getImagingId())
                    .headers(h -> h.setBasicAuth("drlee", "drlee-demo")).exchange()
                    .expectStatus().isOk().expectHeader().contentType("application/dicom")
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(firstAxial).isEqualTo(SyntheticDicom.slice(STUDY, TAKEN, AXIAL, 1));
            http.get().uri("/api/imaging/{id}/series/1/instances/4", study.getImagingId())
                    .headers(h -> h.setBasicAuth("drlee", "drlee-demo")).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void manyDicomFilesSentAtOnceBecomeOneStudy() {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        for (int i = 1; i <= SAGITTAL.slices(); i++) {
            addPart(body, "IM" + i, SyntheticDicom.slice(STUDY + "9", TAKEN, SAGITTAL, i));
        }
        upload(body).expectStatus().isCreated().expectBody()
                .jsonPath("$.imagingIds.length()").isEqualTo(1)
                .jsonPath("$.imaging[0].format").isEqualTo("DICOM")
                .jsonPath("$.imaging[0].studyDate").isEqualTo(TAKEN.toString())
                .jsonPath("$.imaging[0].series[0].images").isEqualTo(3);
    }

    @Test
    void anArchiveBombIsRefusedBeforeItFillsTheDisk() throws IOException {
        // each entry stays under the per-file limit; together they expand hundreds of times over
        byte[] bomb = SyntheticDicom.zip(IntStream.rangeClosed(1, 30)
                .mapToObj(i -> new Entry("DICOM/IM" + i, new byte[60 * 1024])).toList());
        refusedLeavingNothing(part("study.zip", bomb), HttpStatus.CONTENT_TOO_LARGE, "archive-ratio", "archive bombs");
    }

    @Test
    void anEntryNamedToClimbOutOfTheArchiveIsRefused() throws IOException {
        byte[] zip = SyntheticDicom.zip(List.of(
                new Entry("DICOM/IM1", SyntheticDicom.slice(STUDY, TAKEN, SAGITTAL, 1)),
                new Entry("../../etc/cron.d/IM2", SyntheticDicom.slice(STUDY, TAKEN, SAGITTAL, 2))));
        refusedLeavingNothing(part("study.zip", zip), HttpStatus.BAD_REQUEST, "archive-path", "entry 2");
    }

    @Test
    void aProgramRenamedDcmInsideTheArchiveIsRefused() throws IOException {
        byte[] zip = SyntheticDicom.zip(List.of(
                new Entry("DICOM/IM1.dcm", SyntheticDicom.slice(STUDY, TAKEN, SAGITTAL, 1)),
                new Entry("DICOM/IM2.dcm", "MZ this is really a program".getBytes())));
        refusedLeavingNothing(part("study.zip", zip), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-mismatch",
                "entry 2 is named as DICOM");
    }

    @Test
    void anArchiveOverTheEntryLimitIsRefused() throws IOException {
        byte[] zip = SyntheticDicom.zip(IntStream.rangeClosed(1, 41)
                .mapToObj(i -> new Entry("DICOM/IM" + i, new byte[0])).toList());
        refusedLeavingNothing(part("study.zip", zip), HttpStatus.CONTENT_TOO_LARGE, "archive-entries", "more than 40 entries");
    }

    private void refusedLeavingNothing(MultipartBodyBuilder body, HttpStatus status, String rule, String named)
            throws IOException {
        long rowsBefore = imagingRows();
        long filesBefore = storedFiles();
        upload(body).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].rule").isEqualTo(rule)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(named));
        assertThat(imagingRows()).isEqualTo(rowsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    private long imagingRows() {
        return db.sql("select count(*) as n from imaging").map(row -> row.get("n", Long.class)).one().block();
    }

    private long storedFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    private static MultipartBodyBuilder part(String filename, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        addPart(body, filename, bytes);
        return body;
    }

    private static void addPart(MultipartBodyBuilder body, String filename, byte[] bytes) {
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
    }

    private WebTestClient.ResponseSpec upload(MultipartBodyBuilder body) {
        return http.post().uri("/api/imaging").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }
}
