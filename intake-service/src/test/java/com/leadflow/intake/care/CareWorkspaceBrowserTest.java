package com.leadflow.intake.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.NextStep;
import com.leadflow.events.Procedure;
import com.leadflow.events.Reporter;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.events.ReviewStatusDetails;
import com.leadflow.events.Stage;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.HeadlessChromium;
import com.leadflow.test.StaffAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The care workspace in a real Chromium, signed in as carla at the practice's identity provider:
 * find and open a lead by keyboard, see what the review produced once a clinician completed it
 * (reported on {@code leads.status} as review-service reports it), keep a half-filled form through
 * a live update, and keep every column inside the window whatever the name.
 */
@IntakeIntegrationTest
class CareWorkspaceBrowserTest {

    private static HeadlessChromium chromium;

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void signedIn() {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed");
        if (chromium == null) {
            chromium = HeadlessChromium.start(1280, 900);
            browser = chromium.driver();
            wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(url("/care/index.html"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("carla");
            browser.findElement(By.id("password")).sendKeys(StaffAccess.password("carla"));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "carla"));
        }
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Test
    void aCareManagerSearchesForALeadAndOpensItByKeyboard() {
        String last = CareInboxApiTest.family();
        String leadId = Submissions.submit(http, LeadJson.valid().with("contact.firstName", "Keyla")
                .with("contact.lastName", last)).get("leadId");
        browser.get(url("/care/index.html"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("q"))).sendKeys(last.substring(0, 7) + Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#leads tr")).size() == 1
                && d.findElement(By.id("leads")).getText().contains("Keyla " + last));
        WebElement focused = browser.switchTo().activeElement();
        for (int i = 0; i < 40 && !"lead-link".equals(focused.getAttribute("class")); i++) {
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertThat(focused.getText()).isEqualTo("Keyla " + last);
        focused.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "Keyla " + last));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("detail-title");
        assertThat(browser.getCurrentUrl()).endsWith("#lead=" + leadId);
        assertThat(browser.findElement(By.id("clinical")).getText())
                .contains("Herniated disc", "3 to 12 months", "Progressive weakness", "Pain down the left leg", "7 of 10");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain("HERNIATED_DISC", "MONTHS_3_TO_12", "MRI_CT_REVIEW", "LEAD_SUBMITTED", "PHONE", "MORNING");

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("detail")));
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Keyla " + last);
    }

    @Test
    void theDetailShowsTheReviewOutcomeAndProcedureOnceAClinicianCompletedTheReview() throws Exception {
        String leadId = Submissions.submit(http, LeadJson.valid().with("contact.firstName", "Rhea")).get("leadId");
        // the ops console's link
        browser.get(url("/care/#lead=" + leadId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "Rhea"));
        liveUpdatesConnected();
        assertThat(browser.findElement(By.id("stages")).getText()).doesNotContain("Candidate");

        report(leadId, LeadStatus.REVIEW_COMPLETED, ReviewStatusDetails.newBuilder().setReviewId(UUID.randomUUID().toString())
                .setOutcome(ReviewOutcome.CANDIDATE).setRecommendedProcedure(Procedure.MICRODISCECTOMY)
                .setNextStep(NextStep.SPECIALIST_REFERRAL).build());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stages"), "Outcome: Candidate for surgery"));
        assertThat(browser.findElement(By.id("stages")).getText())
                .contains("MRI/CT review", "Review done", "Recommended procedure: Microdiscectomy",
                        "Next step: Referral to a specialist")
                .doesNotContain("CANDIDATE", "MICRODISCECTOMY", "REVIEW_COMPLETED");
        screenshot("care-lead-1280.png");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("care-lead-phone.png");
        assertThat(overflowing()).isEmpty();
    }

    @Test
    void aLiveUpdateWhileTheContactFormIsHalfFilledKeepsWhatWasTyped() throws Exception {
        String leadId = Submissions.submit(http, LeadJson.valid().with("contact.firstName", "Liv")).get("leadId");
        browser.get(url("/care/index.html#lead=" + leadId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "Liv"));
        liveUpdatesConnected();
        // the visitor prefers a phone call: it is chosen already
        assertThat(new Select(browser.findElement(By.id("attempt-channel"))).getFirstSelectedOption().getText())
                .isEqualTo("Phone");
        new Select(browser.findElement(By.id("attempt-outcome"))).selectByVisibleText("Left a message");
        browser.findElement(By.id("note-text")).sendKeys("Called at 10, will try again after");
        browser.findElement(By.id("assign-to")).sendKeys("dre");

        report(leadId, LeadStatus.REVIEW_QUEUED, null);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Waiting for a clinician"));
        assertThat(browser.findElement(By.id("note-text")).getAttribute("value")).isEqualTo("Called at 10, will try again after");
        assertThat(new Select(browser.findElement(By.id("attempt-outcome"))).getFirstSelectedOption().getText())
                .isEqualTo("Left a message");
        assertThat(browser.findElement(By.id("assign-to")).getAttribute("value")).isEqualTo("dre");

        browser.findElement(By.cssSelector("#attempt-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "(Phone: left message) by carla"));
        assertThat(browser.findElement(By.id("detail-clock")).getText()).contains("1 attempt").doesNotContain("Reached");
    }

    @Test
    void aTwoHundredCharacterNameKeepsEveryColumnInsideA1280PixelWindow() throws Exception {
        String last = CareInboxApiTest.family();
        String first = "Maximiliana" + "e".repeat(49);
        String leadId = Submissions.submit(http, LeadJson.valid().with("contact.firstName", first)
                .with("contact.lastName", last)).get("leadId");
        // longer than the form allows (60 + 60), as an import could bring: the page must hold any name
        String longFirst = first + "a".repeat(199 - first.length() - last.length());
        db.sql("update lead set details = replace(details, :first, :longer) where id = :id")
                .bind("first", "\"" + first + "\"").bind("longer", "\"" + longFirst + "\"").bind("id", UUID.fromString(leadId))
                .fetch().rowsUpdated().block();
        String name = longFirst + " " + last;
        assertThat(name).hasSize(200);
        Submissions.submit(http, LeadJson.valid().with("contact.lastName", last).with("contact.firstName", "Ann"));

        browser.get(url("/care/index.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("q"))).sendKeys(last + Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#leads tr")).size() == 2);
        assertThat(overflowing()).isEmpty();
        WebElement link = browser.findElement(By.cssSelector("#leads tr[data-lead='" + leadId + "'] a.lead-link"));
        assertThat(link.getAttribute("title")).isEqualTo(name);
        screenshot("care-inbox-1280.png");

        // a phone opens the page narrow: the filters fold away and each lead is a card
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/care/index.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("q"))).sendKeys(last + Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#leads tr")).size() == 2);
        assertThat(overflowing()).isEmpty();
        screenshot("care-inbox-phone.png");
    }

    /** The page's live stream is open, so a change reported now reaches it. */
    private void liveUpdatesConnected() {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "on"));
    }

    /** Cells, headers and the table that reach past the window's right edge. */
    @SuppressWarnings("unchecked")
    private List<String> overflowing() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                const out = [];
                if (document.documentElement.scrollWidth > width) { out.push('page ' + document.documentElement.scrollWidth); }
                document.querySelectorAll('th, td, #detail dd, #detail h2').forEach(cell => {
                  const box = cell.getBoundingClientRect();
                  if (box.width > 0 && box.right > width + 0.5) { out.push(cell.tagName + ' ' + (cell.dataset.label || '') + ' ' + box.right); }
                });
                return out;""");
    }

    private void report(String leadId, LeadStatus status, ReviewStatusDetails review) {
        LeadStatusChanged event = LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(Instant.now())
                .setReporter(Reporter.REVIEW).setStage(Stage.REVIEW).setStatus(status)
                .setSummary(status == LeadStatus.REVIEW_COMPLETED ? "Review completed" : "Review queued")
                .setReview(review).build();
        var record = new ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(), leadId, event);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, UUID.randomUUID().toString());
        kafka.send(record).join();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
