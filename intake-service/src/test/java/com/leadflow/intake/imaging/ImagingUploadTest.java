package com.leadflow.intake.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.intake.Clients;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.schemas.Topics;
import com.leadflow.test.SyntheticDicom;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ImagingUploadTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes();

    @Autowired
    WebTestClient http;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    static final byte[] DICOM = SyntheticDicom.slice("1.2.826.0.1.3680043.10.9.1", java.time.LocalDate.of(2026, 9, 1),
            new SyntheticDicom.Series("1.2.826.0.1.3680043.10.9.1.1", 1, "SAG T2", 1), 1);

    static byte[] dicom() {
        return DICOM;
    }

    @Test
    void imagingUploadedWithTheFormTravelsWithTheLeadAsAReferenceOnly() {
        String imagingId = uploadNew("lumbar-mri.dcm", dicom()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("imagingId").toString();
        String leadId = Submissions.submit(http, LeadJson.valid().with("imagingIds", List.of(imagingId))).get("leadId");

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_SUBMITTED)) {
            LeadSubmitted event = probe.await(r -> r.key().equals(leadId), Duration.ofSeconds(20)).value();
            assertThat(event.getImaging()).singleElement().satisfies(reference -> {
                assertThat(reference.getImagingId()).isEqualTo(imagingId);
                assertThat(reference.getFormat()).isEqualTo(ImagingFormat.DICOM);
                assertThat(reference.getSizeBytes()).isEqualTo(DICOM.length);
                assertThat(reference.getSeries()).singleElement().satisfies(series -> assertThat(series.getImageCount()).isEqualTo(1));
                assertThat(reference.getSha256()).hasSize(64);
            });
        }
        // a file belongs to one lead only
        http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(LeadJson.valid().with("imagingIds", List.of(imagingId)).body()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("imagingIds[0]")
                .jsonPath("$.errors[0].rule").isEqualTo("unknown-file");
        // and clinicians can fetch it
        byte[] fetched = http.get().uri("/api/imaging/{id}", imagingId).headers(h -> h.setBasicAuth("drlee", "drlee-demo"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType("application/dicom")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(fetched).isEqualTo(dicom());
    }

    @Test
    void imagingAddedThroughTheStatusLinkIsAnnouncedAsImagingAttached() {
        Map<String, String> accepted = Submissions.submit(http, LeadJson.valid());
        upload(accepted.get("imagingUploadUrl"), "report.pdf", PDF).expectStatus().isCreated();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_IMAGING)) {
            ImagingAttached event = probe.await(r -> r.key().equals(accepted.get("leadId")), Duration.ofSeconds(20)).value();
            assertThat(event.getImaging().getFormat()).isEqualTo(ImagingFormat.PDF);
            assertThat(event.getImaging().getSizeBytes()).isEqualTo(PDF.length);
            http.get().uri("/api/imaging/{id}", event.getImaging().getImagingId())
                    .headers(h -> h.setBasicAuth("drpatel", "drpatel-demo")).exchange()
                    .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
        }
    }

    @Test
    void aFileWhoseBytesAreNotWhatItsNameClaimsIsRefused() {
        uploadNew("mri.pdf", PNG).expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].rule").isEqualTo("content-mismatch");
        uploadNew("scan.dcm", "MZ this is really a program".getBytes()).expectStatus()
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("unsupported-type");
        uploadNew("image.png", PNG).expectStatus().isCreated()
                .expectBody().jsonPath("$.format").isEqualTo("PNG");
    }

    @Test
    void aFileAboveTheStatedLimitIsRefusedWith413() {
        byte[] big = Arrays.copyOf(PDF, 70 * 1024);
        uploadNew("big.pdf", big).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("65536 bytes"));
    }

    @Test
    void unknownStatusLinksAndUnclaimedFilesAreNotFound() {
        upload("/api/status/" + "B".repeat(43) + "/imaging", "report.pdf", PDF).expectStatus().isNotFound()
                .expectBody().jsonPath("$.instance").isEqualTo("/api/status/:token/imaging");
        String orphan = uploadNew("orphan.pdf", PDF).expectBody(Map.class).returnResult().getResponseBody()
                .get("imagingId").toString();
        http.get().uri("/api/imaging/{id}", orphan).headers(h -> h.setBasicAuth("drlee", "drlee-demo")).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/imaging/{id}", UUID.randomUUID()).headers(h -> h.setBasicAuth("drlee", "drlee-demo"))
                .exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "study date {0} breaks {1}")
    @MethodSource("implausibleStudyDates")
    void aStudyDateThatCannotBeRightIsNamed(String studyDate, String rule) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(PDF) {
            @Override
            public String getFilename() {
                return "report.pdf";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("studyDate", studyDate);
        http.post().uri("/api/imaging").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("studyDate")
                .jsonPath("$.errors[0].rule").isEqualTo(rule);
    }

    static Stream<Arguments> implausibleStudyDates() {
        return Stream.of(Arguments.of(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3).toString(), "not-in-future"),
                Arguments.of("1899-12-31", "plausible-date"));
    }

    static Stream<Arguments> malformedUploads() {
        String part = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n";
        return Stream.of(false, true).flatMap(throughStatusLink -> Stream.of(
                Arguments.of(throughStatusLink, "a body that is not multipart", "multipart/form-data; boundary=XyZ",
                        "this is not a multipart body"),
                Arguments.of(throughStatusLink, "a content type without a boundary", "multipart/form-data",
                        part + "\r\n%PDF-1.7\r\n--XyZ--\r\n"),
                Arguments.of(throughStatusLink, "a part cut off before its end", "multipart/form-data; boundary=XyZ",
                        part + "\r\n%PDF-1.7 and then nothing"),
                Arguments.of(throughStatusLink, "a part whose headers never end", "multipart/form-data; boundary=XyZ",
                        part + "Content-Type: application/pdf")));
    }

    @ParameterizedTest(name = "status link {0}: {1}")
    @MethodSource("malformedUploads")
    void aMalformedMultipartBodyIsRefusedWith400AndLoggedOnceWithoutAStackTrace(boolean throughStatusLink,
            String what, String contentType, String body, CapturedOutput output) {
        String uri = throughStatusLink ? Submissions.submit(http, LeadJson.valid()).get("imagingUploadUrl") : "/api/imaging";
        String correlationId = "malformed-upload-" + UUID.randomUUID();
        int before = output.getAll().length();

        http.post().uri(uri).header("X-Forwarded-For", Clients.nextIp()).header("X-Correlation-Id", correlationId)
                .header("Content-Type", contentType).bodyValue(body.getBytes()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].rule").isEqualTo("malformed-multipart")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains("multipart"));

        String logged = output.getAll().substring(before);
        assertThat(logged.lines().filter(line -> line.contains(correlationId))).singleElement()
                .satisfies(line -> assertThat(line).contains("malformed multipart"));
        assertThat(logged).doesNotContain("\tat ", "Exception:");
    }

    private WebTestClient.ResponseSpec uploadNew(String filename, byte[] bytes) {
        return upload("/api/imaging", filename, bytes);
    }

    private WebTestClient.ResponseSpec upload(String uri, String filename, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("modality", "MRI");
        return http.post().uri(uri).header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }
}
