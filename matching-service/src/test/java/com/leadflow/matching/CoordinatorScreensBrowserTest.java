package com.leadflow.matching;

import static com.leadflow.events.Condition.HERNIATED_DISC;
import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static com.leadflow.events.Procedure.MICRODISCECTOMY;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.match.MatchState;
import com.leadflow.test.HeadlessChromium;
import com.leadflow.test.IdentityProviderServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ambassador coordinator runs the program from her page in Debian's headless Chromium, signed in
 * as {@code cora} at the real identity provider: she pauses a past patient, accepts a proposed match,
 * retires someone only after confirming, and adds a past patient with the form marking what to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorScreensBrowserTest extends MatchingScenario {

    @LocalServerPort
    int port;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Chromium is not installed at /usr/bin/chromium");
        IdentityProviderServer.get().awaitReady();
        chromium = HeadlessChromium.start(1280, 1000);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theCoordinatorPausesAPastPatientAndAcceptsAProposedMatchFromThePage() throws IOException {
        UUID larry = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        UUID sam = ambassador("Sam", "K", HERNIATED_DISC, MICRODISCECTOMY, 1, "en", "es");
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        String matchId = awaitStatus(lead, LeadStatus.MATCH_PROPOSED).getMatch().getMatchId();

        openPage();
        WebElement samsRow = row(sam);
        assertThat(samsRow.getText()).contains("Sam K.", "Herniated disc; Microdiscectomy (2021)", "English, Spanish",
                "0 of 1 in use", "Taking conversations", "Signed consent form on file");
        samsRow.findElement(By.cssSelector("button.pause")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(statusOf(sam), "Paused"));
        assertThat(ambassadors.findById(sam).block().status()).isEqualTo(AmbassadorStatus.PAUSED);

        By proposed = By.cssSelector("#col-PROPOSED li[data-match-id='" + matchId + "']");
        assertThat(browser.findElement(proposed).getText()).contains("Larry L. with visitor " + lead,
                "Same procedure: laminectomy (2021)");
        screenshot("coordinator-1280");
        browser.findElement(proposed).findElement(By.cssSelector("button.accept")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#col-ACCEPTED li[data-match-id='" + matchId + "']")));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Larry L. agreed to talk.");
        assertThat(matches.findById(UUID.fromString(matchId)).block().state()).isEqualTo(MatchState.ACCEPTED);
        assertThat(row(larry).getText()).contains("1 of 2 in use");
    }

    @Test
    void retiringAPastPatientAsksForConfirmationFirst() {
        UUID larry = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        openPage();

        row(larry).findElement(By.cssSelector("button.retire")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retire-dialog")));
        assertThat(dialog.getText()).contains("Retire Larry L.?", "never be matched again");
        browser.findElement(By.id("keep-ambassador")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Larry L. was not retired."));
        assertThat(ambassadors.findById(larry).block().status()).isEqualTo(AmbassadorStatus.ACTIVE);

        row(larry).findElement(By.cssSelector("button.retire")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retire-dialog")));
        browser.findElement(By.id("confirm-retire")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(statusOf(larry), "Retired (consent withdrawn)"));
        assertThat(ambassadors.findById(larry).block().status()).isEqualTo(AmbassadorStatus.RETIRED);
        assertThat(row(larry).findElements(By.tagName("button"))).as("a retired past patient cannot be changed").isEmpty();
    }

    @Test
    void theFormMarksWhatToFixThenAddsThePastPatient() throws IOException {
        openPage();
        browser.findElement(By.id("add-ambassador")).click();
        browser.findElement(By.id("firstName")).sendKeys("Maria");
        browser.findElement(By.id("lastInitial")).sendKeys("g");
        new Select(browser.findElement(By.id("condition"))).selectByVisibleText("Spinal stenosis");
        new Select(browser.findElement(By.id("procedure"))).selectByVisibleText("Laminotomy");
        browser.findElement(By.id("procedureYear")).sendKeys("2019");
        browser.findElement(By.id("maxActive")).sendKeys("0");
        browser.findElement(By.id("save-ambassador")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        for (String field : new String[] {"ageBand", "languages", "timeZone", "maxActive", "consentDate", "consentEvidence"}) {
            assertThat(browser.findElement(By.cssSelector("[data-field='" + field + "']")).getAttribute("class"))
                    .as(field + " is marked").contains("invalid");
        }
        assertThat(browser.findElement(By.id("err-maxActive")).getText()).isEqualTo("Must be between 1 and 20.");
        assertThat(browser.findElement(By.id("err-languages")).getText()).isEqualTo("Choose at least one language.");
        assertThat(browser.findElement(By.id("maxActive")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("[data-field='firstName']")).getAttribute("class"))
                .doesNotContain("invalid");
        screenshot("coordinator-form-errors-1280");

        new Select(browser.findElement(By.id("ageBand"))).selectByVisibleText("50-59");
        new Select(browser.findElement(By.id("gender"))).selectByVisibleText("Female");
        browser.findElement(By.cssSelector("input[name=languages][value=es]")).click();
        new Select(browser.findElement(By.id("timeZone"))).selectByVisibleText("Central (Chicago)");
        new Select(browser.findElement(By.id("contactMode"))).selectByVisibleText("Video call");
        browser.findElement(By.id("maxActive")).clear();
        browser.findElement(By.id("maxActive")).sendKeys("2");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-03-01';", browser.findElement(By.id("consentDate")));
        browser.findElement(By.id("consentEvidence")).sendKeys("Signed consent form, scanned 2024-03-01");
        browser.findElement(By.id("save-ambassador")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Maria G. joined the registry."));
        // the page says so first, then reloads the registry
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ambassadors"), "Maria G."));
        assertThat(browser.findElement(By.id("ambassadors")).getText()).contains("Maria G.", "Spanish",
                "Given 2024-03-01: Signed consent form, scanned 2024-03-01");
        assertThat(ambassadors.findAll().collectList().block()).singleElement()
                .satisfies(a -> assertThat(a.consentEvidence()).isEqualTo("Signed consent form, scanned 2024-03-01"));
    }

    @Test
    void thePageFitsAPhoneAndA1280PixelScreenWithoutSidewaysScrolling() throws IOException {
        ambassador("Bartholomew-Maximilian", "W", SPINAL_STENOSIS, LAMINECTOMY, 2);
        ambassador("Sam", "K", HERNIATED_DISC, MICRODISCECTOMY, 1, "en", "es");
        String matched = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        awaitStatus(matched, LeadStatus.MATCH_PROPOSED);
        String waiting = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "ru");
        awaitStatus(waiting, LeadStatus.MATCH_WAITLISTED);
        Dimension before = browser.manage().window().getSize();
        try {
            for (Dimension size : new Dimension[] {new Dimension(1280, 1000), new Dimension(390, 844)}) {
                browser.manage().window().setSize(size);
                openPage();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting"), "none speaks Russian"));
                Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as("sideways scrolling at %d px", size.getWidth()).isLessThanOrEqualTo(0L);
                // the whole page, for the README: a window as tall as the page
                Long height = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollHeight;");
                browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 140, 3000)));
                screenshot("coordinator-page-" + size.getWidth());
            }
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** Opens the page, signing in as cora at the identity provider the first time. */
    private void openPage() {
        browser.get("http://127.0.0.1:" + port + "/coordinator/");
        wait.until(driver -> !driver.findElements(By.id("username")).isEmpty()
                || !driver.findElements(By.id("signed-in-as")).isEmpty());
        if (!browser.findElements(By.id("username")).isEmpty()) {
            browser.findElement(By.id("username")).sendKeys("cora");
            browser.findElement(By.id("password")).sendKeys("cora-demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "cora"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready]")));
    }

    private WebElement row(UUID ambassador) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(rowOf(ambassador)));
    }

    private static By rowOf(UUID ambassador) {
        return By.cssSelector("#ambassadors tr[data-ambassador-id='" + ambassador + "']");
    }

    private static By statusOf(UUID ambassador) {
        return By.cssSelector("#ambassadors tr[data-ambassador-id='" + ambassador + "'] .status");
    }

    private void screenshot(String name) throws IOException {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
