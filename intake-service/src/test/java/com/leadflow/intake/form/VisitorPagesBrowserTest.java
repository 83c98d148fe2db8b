package com.leadflow.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The visitor's side in Debian's headless Chromium: the form names the practice and its phone,
 * links the privacy notice its consent mentions, takes an email-only request, marks what to fix
 * and says it in plain words; the confirmation's status link wraps on a phone and copies with one
 * button; the status page shows only what the visitor asked for.
 */
@IntakeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorPagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    DatabaseClient db;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Chromium is not installed at /usr/bin/chromium");
        chromium = HeadlessChromium.start(1280, 1000);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Leaves the page, so a status page's open event stream never outlives its test. */
    @AfterEach
    void leavePage() {
        if (browser != null) {
            browser.get("about:blank");
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorWhoAskedOnlyForAnInfoKitSeesNoInsuranceOrReviewStep() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        openForm();
        screenshot("form-390");
        click("input[value=INFO_KIT]");
        fillIn("Ines", "Quackenbush", "ines.kit@example.org");
        // an email-only visitor keeps the channel as it came ("whichever I gave above") and gives no phone
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        WebElement link = browser.findElement(By.id("status-link"));
        assertThat(link.getText()).contains("/status.html#");
        assertThat(overflow("document.documentElement")).as("the page scrolls sideways").isLessThanOrEqualTo(0L);
        assertThat(((Number) script("const a = document.getElementById('status-link');"
                + " return a.getBoundingClientRect().right - a.parentElement.getBoundingClientRect().right;"))
                .doubleValue()).as("the link runs out of its box").isLessThanOrEqualTo(0.5);
        browser.findElement(By.id("copy-link")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("copied"), "")));
        assertThat(browser.findElement(By.id("copied")).getText()).containsAnyOf("Copied", "The link is selected");
        screenshot("form-confirmation-390");

        String statusUrl = link.getAttribute("href");
        String leadId = leadIdOf(statusUrl);
        // the services report on what they check for every lead, asked for or not
        report(leadId, Stage.INSURANCE, LeadStatus.INSURANCE_NOT_PROVIDED);
        report(leadId, Stage.REVIEW, LeadStatus.REVIEW_AWAITING_IMAGING);
        report(leadId, Stage.INFO_KIT, LeadStatus.INFO_KIT_SENT);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                        .expectBody().jsonPath("$.timeline.length()").isEqualTo(4));

        browser.get(statusUrl);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("steps"), "Your free info kit: Done"));
        List<String> steps = browser.findElements(By.cssSelector("#steps > li .step-title")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).containsExactly("Your request: Received", "Your free info kit: Done");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Your info kit is on its way").doesNotContainIgnoringCase("insurance")
                .doesNotContainIgnoringCase("review").doesNotContain("MRI");
        assertThat(browser.findElement(By.id("add-imaging")).isDisplayed()).isFalse();
        assertThat(overflow("document.documentElement")).isLessThanOrEqualTo(0L);
        screenshot("status-info-kit-390");
    }

    @Test
    void theFormNamesThePracticeLinksItsPrivacyNoticeAndMarksWhatToFixInPlainWords() throws IOException {
        openForm();
        assertThat(browser.findElement(By.cssSelector("header.practice")).getText())
                .contains("North American Spine", "877.474.2225");
        assertThat(browser.findElement(By.cssSelector("header.practice a")).getAttribute("href"))
                .isEqualTo("tel:+18774742225");
        assertThat(browser.findElement(By.id("disclosure")).getText()).contains("privacy notice");
        String privacy = browser.findElement(By.id("privacy-link")).getAttribute("href");
        assertThat(privacy).endsWith("/privacy.html");

        click("input[value=MRI_CT_REVIEW]");
        fillIn("Rosalind", "Quackenbush", "rosalind@example");
        browser.findElement(By.id("zipCode")).clear();
        browser.findElement(By.id("zipCode")).sendKeys("941");
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(error("contact.email")).isEqualTo("Enter an email like name@example.com.");
        assertThat(error("zipCode")).isEqualTo("Enter a 5-digit ZIP code like 94110.");
        assertThat(error("contact.phone")).as("an email-only visitor is not asked for a phone").isEmpty();
        WebElement emailBox = browser.findElement(By.cssSelector("[data-field='contact.email']"));
        assertThat(emailBox.getAttribute("class")).contains("invalid");
        assertThat(emailBox.getCssValue("border-left-color")).as("marked by more than its text")
                .isEqualTo("rgba(176, 0, 32, 1)");
        assertThat(browser.findElement(By.cssSelector("[data-field='consent.contactConsentGiven']")).getAttribute("class"))
                .contains("invalid");
        assertThat(browser.findElement(By.cssSelector("[data-field='contact.firstName']")).getAttribute("class"))
                .doesNotContain("invalid");
        assertThat(browser.findElement(By.id("error-list")).getText()).contains("Your consent: We can only contact you");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});",
                browser.findElement(By.cssSelector("[data-field='contact.lastName']")));
        screenshot("form-errors-1280");

        browser.get(privacy);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "How we handle what you tell us"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("withdraw your consent");
    }

    private void openForm() {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("disclosure"), "Loading the consent text…")));
    }

    private void fillIn(String first, String last, String email) {
        browser.findElement(By.id("firstName")).sendKeys(first);
        browser.findElement(By.id("lastName")).sendKeys(last);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("zipCode")).sendKeys("94110");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '1961-07-15';",
                browser.findElement(By.id("dateOfBirth")));
    }

    /** The lead behind a status link. */
    private String leadIdOf(String statusUrl) {
        String token = statusUrl.substring(statusUrl.indexOf('#') + 1);
        return db.sql("select id from lead where status_token = :token").bind("token", token)
                .map((row, meta) -> row.get("id", UUID.class).toString()).one().block();
    }

    private void report(String leadId, Stage stage, LeadStatus status) {
        LeadStatusChanged event = LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(Instant.now())
                .setReporter(Reporter.valueOf(stage == Stage.INFO_KIT ? "OUTREACH" : stage.name()))
                .setStage(stage).setStatus(status).setSummary(status.name()).build();
        var record = new ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(), leadId, event);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, UUID.randomUUID().toString());
        kafka.send(record).join();
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private Long overflow(String element) {
        return (Long) script("return " + element + ".scrollWidth - " + element + ".clientWidth;");
    }

    private void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    private String error(String field) {
        WebElement slot = browser.findElement(By.id("err-" + field));
        return slot.isDisplayed() ? slot.getText() : "";
    }

    private void screenshot(String name) throws IOException {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
