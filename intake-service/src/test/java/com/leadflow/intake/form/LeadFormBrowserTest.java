package com.leadflow.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.test.HeadlessChromium;
import com.leadflow.test.IdentityProviderServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A visitor fills in the public form in Debian's headless Chromium: bad answers are marked inline
 * next to their fields; good ones end on the confirmation with the private status link.
 */
@IntakeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadFormBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeAll
    void startBrowser() {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Chromium is not installed at /usr/bin/chromium");
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    /** Leaves the page, so a status page's open event stream never outlives its test. */
    @AfterEach
    void leavePage() {
        if (browser != null) {
            browser.get("about:blank");
        }
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorSeesInlineErrorsForBadAnswersThenTheConfirmationWithAStatusLink() {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("disclosure"), "Loading the consent text…")));
        assertThat(browser.findElement(By.id("consent")).isSelected()).as("consent is unchecked by default").isFalse();

        click("input[value=CALL_BACK]");
        click("input[value=MRI_CT_REVIEW]");
        type("firstName", "R2D2");
        type("lastName", "Quackenbush");
        type("email", "rosalind.browser@example.org");
        type("zipCode", "941");
        setDate("dateOfBirth", "1961-07-15");
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(error("contact.firstName")).isNotBlank();
        assertThat(error("zipCode")).isNotBlank();
        assertThat(error("consent.contactConsentGiven")).contains("consent");
        assertThat(error("contact.phone")).contains("phone");
        assertThat(browser.findElement(By.id("zipCode")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");

        browser.findElement(By.id("firstName")).clear();
        type("firstName", "Rosalind");
        browser.findElement(By.id("zipCode")).clear();
        type("zipCode", "94110");
        type("phone", "(415) 555-0142");
        click("input[value=PROGRESSIVE_WEAKNESS]");
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        String statusLink = browser.findElement(By.id("status-link")).getAttribute("href");
        assertThat(statusLink).contains("/status.html#");
        assertThat(browser.findElement(By.id("lead-form")).isDisplayed()).isFalse();

        browser.get(statusLink);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("steps"), "Your request: Received"));
    }

    @Test
    void aVisitorUnder18IsAskedBesideTheDateOfBirthToHaveAParentOrGuardianGetInTouch() throws IOException {
        Dimension before = browser.manage().window().getSize();
        // screenshots of the summary and of the field, kept in target/screenshots for people to look at
        for (Dimension size : List.of(new Dimension(1280, 1000), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.get("http://localhost:" + port + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("disclosure"), "Loading the consent text…")));
            click("input[value=INFO_KIT]");
            type("firstName", "Zoe");
            type("lastName", "Quackenbush");
            type("email", "zoe.young@example.org");
            type("phone", "(415) 555-0143");
            type("zipCode", "94110");
            setDate("dateOfBirth", LocalDate.now(ZoneOffset.UTC).minusYears(15).toString());
            browser.findElement(By.id("consent")).click();
            browser.findElement(By.id("submit")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
            screenshot("form-under-18-" + size.getWidth() + "-summary");
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    browser.findElement(By.id("dateOfBirth")));
            screenshot("form-under-18-" + size.getWidth() + "-field");
            assertThat(error("dateOfBirth")).contains("18 or older", "parent or guardian");
            assertThat(browser.findElement(By.id("error-list")).getText()).startsWith("Date of birth:");
            assertThat(browser.findElement(By.id("dateOfBirth")).getAttribute("aria-invalid")).isEqualTo("true");
        }
        browser.manage().window().setSize(before);
    }

    @Test
    void aVisitorAddingImagesOnTheStatusPageSeesHowFarEachUploadGot() throws IOException {
        java.util.Map<String, String> accepted = Submissions.submit(http, LeadJson.valid());
        Path scan = Files.createTempFile("lumbar-", ".png");
        Path report = Files.createTempFile("report-", ".png");
        // the start of a PNG: intake judges a file by its first bytes
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Files.write(scan, png);
        Files.write(report, png);

        browser.get("http://localhost:" + port + accepted.get("statusUrl"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-imaging")));
        browser.findElement(By.id("imaging")).sendKeys(scan + "\n" + report);
        browser.findElement(By.cssSelector("#imaging-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#imaging-progress [role=status]"),
                "2 of 2 files uploaded."));
        assertThat(browser.findElement(By.cssSelector("#imaging-progress progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("uploaded")).getText()).isEqualTo("2 file(s) added. Thank you!");
        Long stored = db.sql("select count(*) as n from imaging where lead_id = :lead")
                .bind("lead", java.util.UUID.fromString(accepted.get("leadId")))
                .map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(stored).isEqualTo(2);
    }

    @Test
    void aCareManagerSignsInAndSeesLeadsWithTheirTimeline() {
        Submissions.submit(http, LeadJson.valid());
        // signs in at the practice's identity provider (the test JVM's), which sends the browser back;
        // on 127.0.0.1, where the provider accepts a service on any port
        IdentityProviderServer.get().awaitReady();
        browser.get("http://127.0.0.1:" + port + "/care/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        type("username", "carla");
        type("password", "carla-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // each lead's name opens its detail; the timeline reads in words, never the status code
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#leads a.lead-link"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Submitted"));
        assertThat(browser.findElement(By.id("timeline")).getText()).doesNotContain("LEAD_SUBMITTED");
    }

    private void screenshot(String name) throws IOException {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private void setDate(String id, String isoDate) {
        WebElement input = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    private String error(String field) {
        WebElement slot = browser.findElement(By.id("err-" + field));
        return slot.isDisplayed() ? slot.getText() : "";
    }
}
