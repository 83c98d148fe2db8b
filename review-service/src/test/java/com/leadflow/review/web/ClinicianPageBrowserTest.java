package com.leadflow.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.test.MutableClock;
import com.leadflow.review.support.ReviewApi;
import com.leadflow.review.support.ReviewFixture;
import com.leadflow.review.support.ReviewFixture.Queued;
import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.test.HeadlessChromium;
import com.leadflow.test.IdentityProviderServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A clinician works the queue in a real browser: signs in at the identity provider, takes the next
 * review, completes it.
 */
@ReviewIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicianPageBrowserTest {


    @Autowired
    WebTestClient http;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${local.server.port}")
    int port;

    ReviewFixture reviews;
    WebDriver browser;
    HeadlessChromium chromium;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed");
        IdentityProviderServer.get().awaitReady();
        reviews = new ReviewFixture(kafka, db, brokers);
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (reviews != null) {
            reviews.close();
        }
    }

    @Test
    void aClinicianSignsInTakesTheNextReviewAndCompletesIt() {
        clock.reset();
        reviews.emptyTheQueue();
        Queued routine = reviews.queueLead(List.of());
        Queued urgent = reviews.queueLead(List.of(RedFlag.BOWEL_OR_BLADDER_CHANGES));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        // signs in at the practice's identity provider (the test JVM's), which sends the browser back;
        // on 127.0.0.1, where the provider accepts a service on any port
        browser.get("http://127.0.0.1:" + port + "/clinician/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("drlee");
        browser.findElement(By.id("password")).sendKeys("drlee-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue tbody tr"), 2));
        assertThat(browser.manage().getCookieNamed("review-service-session")).isNotNull();
        assertThat(browser.findElement(By.cssSelector("#queue tbody tr")).getText()).startsWith("Urgent").contains("left");

        browser.findElement(By.id("take-next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("task-id"), urgent.reviewId()));
        assertThat(browser.findElement(By.id("task-lease")).getText()).contains("Claimed by drlee");
        assertThat(browser.findElement(By.id("task-imaging")).getText()).contains("DICOM file");

        // the form names the missing field before anything is recorded
        new Select(browser.findElement(By.id("outcome"))).selectByValue("CANDIDATE");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-errors"), "Choose the recommended procedure"));

        new Select(browser.findElement(By.id("recommendedProcedure"))).selectByValue("MICRODISCECTOMY");
        browser.findElement(By.id("notes")).sendKeys("Clear herniation at L5-S1");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "Review completed."));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue tbody tr"), 1));
        assertThat(browser.findElement(By.cssSelector("#queue tbody tr")).getAttribute("data-review-id"))
                .isEqualTo(routine.reviewId());

        var completed = reviews.awaitStatus(urgent.leadId(), LeadStatus.REVIEW_COMPLETED).value();
        assertThat(completed.getReview().getRecommendedProcedure()).isEqualTo(Procedure.MICRODISCECTOMY);
        new ReviewApi(http).review("drlee", urgent.reviewId()).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome.completedBy").isEqualTo("drlee")
                .jsonPath("$.outcome.notes").isEqualTo("Clear herniation at L5-S1");
    }
}
