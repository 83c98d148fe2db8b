package com.leadflow.review.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.review.support.Leads;
import com.leadflow.review.support.ReviewApi;
import com.leadflow.review.support.ReviewFixture;
import com.leadflow.review.support.ReviewFixture.Queued;
import com.leadflow.review.support.ReviewIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A DICOM study reaches the review through {@code leads.submitted} (Avro through the registry, with
 * the schema's new study fields): its series and tags are on the task and in the worklist row, and
 * its files are read only through the review they belong to.
 */
@ReviewIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyInTheReviewTest {

    @Autowired
    WebTestClient http;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    ReviewFixture reviews;
    ReviewApi api;

    @BeforeAll
    void start() {
        reviews = new ReviewFixture(kafka, db, brokers);
        api = new ReviewApi(http);
    }

    @AfterAll
    void stop() {
        reviews.close();
    }

    @Test
    void theStudysSeriesAndTagsReachTheReviewTask() {
        LocalDate taken = LocalDate.now(ZoneId.of("America/New_York")).minusMonths(4);
        var study = Leads.study(taken, "1.2.826.0.1.3680043.10.77.5", List.of(
                Leads.series("1.2.826.0.1.3680043.10.77.5.2", 2, "SAG T2", 17),
                Leads.series("1.2.826.0.1.3680043.10.77.5.3", 3, "AX T2", 24),
                Leads.series("1.2.826.0.1.3680043.10.77.5.4", 4, "SAG T1", 17)));
        Queued queued = reviews.queueLead(List.of(), List.of(study, Leads.report(taken)));

        api.review("drlee", queued.reviewId()).expectStatus().isOk().expectBody()
                .jsonPath("$.imaging[0].studyDescription").isEqualTo("MRI LUMBAR SPINE")
                .jsonPath("$.imaging[0].bodyPart").isEqualTo("LSPINE")
                .jsonPath("$.imaging[0].studyDate").isEqualTo(taken.toString())
                .jsonPath("$.imaging[0].url").isEqualTo("/api/reviews/" + queued.reviewId() + "/imaging/" + study.getImagingId())
                .jsonPath("$.imaging[0].series.length()").isEqualTo(3)
                .jsonPath("$.imaging[0].series[1].index").isEqualTo(1)
                .jsonPath("$.imaging[0].series[1].description").isEqualTo("AX T2")
                .jsonPath("$.imaging[0].series[1].imageCount").isEqualTo(24)
                .jsonPath("$.imaging[0].series[1].modality").isEqualTo("MR")
                .jsonPath("$.imaging[1].format").isEqualTo("PDF")
                .jsonPath("$.imaging[1].series.length()").isEqualTo(0);

        Map<String, Object> row = api.queue("drlee").stream()
                .filter(item -> queued.reviewId().equals(item.get("reviewId"))).findFirst().orElseThrow();
        assertThat(row).containsEntry("imaging", "MRI lumbar spine, 3 series, 4 months old")
                .containsEntry("ageBand", "50s")
                .containsEntry("worst", "lower back pain (+1)")
                .containsEntry("hasImaging", true);
    }

    @Test
    void imagingOfAnotherLeadOrAGuessedIdIsNotFoundAndAudited() {
        Queued mine = reviews.queueLead(List.of(), List.of(Leads.report(null)));
        var other = Leads.report(null);
        reviews.queueLead(List.of(), List.of(other));

        for (String path : List.of("/imaging/" + other.getImagingId(), "/imaging/img-guessed",
                "/imaging/" + other.getImagingId() + "/series/0/instances/0")) {
            api.as("drlee").get().uri("/api/reviews/" + mine.reviewId() + path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        api.as("drlee").get().uri("/api/reviews/no-such-review/imaging/" + other.getImagingId()).exchange()
                .expectStatus().isNotFound();

        List<String> audited = db.sql("select subject_id from audit_event where actor = 'drlee' and action = 'VIEW'"
                        + " and subject_type = 'imaging'")
                .map(r -> r.get("subject_id", String.class)).all().collectList().block();
        assertThat(audited).contains(other.getImagingId(), "img-guessed", other.getImagingId() + "/0/0");
    }

    @Test
    void aDemoUserWithoutATokenIsAskedToSignInAgainRatherThanSentToIntakeEmptyHanded() {
        var report = Leads.report(null);
        Queued queued = reviews.queueLead(List.of(), List.of(report));
        api.as("drlee").get().uri("/api/reviews/" + queued.reviewId() + "/imaging/" + report.getImagingId()).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.title").isEqualTo("Sign in again");
    }
}
