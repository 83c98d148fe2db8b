package com.leadflow.ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadflow.ops.overview.OpsSampler;
import com.leadflow.ops.support.ConsoleApi;
import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.ops.support.RefusingStatusConsumer;
import com.leadflow.ops.support.TestLeads;
import com.leadflow.schemas.Topics;
import com.leadflow.test.IdentityProviderServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * Ops use the console in a real browser: olive signs in at the real identity provider and sees
 * topics, groups and the dead-letter inbox, and runs a dry-run replay (a change, sent with the
 * session's CSRF token); a care manager is told the page needs the Operations role; an anonymous
 * visitor is sent to the provider's sign-in. Screenshots at 1280 px and phone width land in
 * target/screenshots.
 */
@OpsConsoleIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePageBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Autowired
    WebTestClient http;
    @Autowired
    OpsSampler sampler;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    RefusingStatusConsumer consumer;
    @Value("${local.server.port}")
    int port;

    WebDriver browser;
    Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "Chromium is not installed");
        IdentityProviderServer.get().awaitReady();
        profile = Files.createTempDirectory("ops-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-gpu", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--window-size=1280,1000",
                // as platform-test's HeadlessChromium: without these, submitting the sign-in form could stall the renderer
                "--disable-field-trial-config", "--disable-client-side-phishing-detection", "--password-store=basic",
                "--incognito");
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", profile.toString()))
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /** Signed out everywhere: the console and the provider share the host 127.0.0.1 (cookies ignore ports). */
    @BeforeEach
    void signedOutEverywhere() {
        if (browser != null) {
            browser.get(IdentityProviderServer.get().issuer() + "/login");
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void oliveSignsInAtTheProviderSeesTopicsGroupsAndDeadLettersAndRunsADryRunReplay() throws Exception {
        String leadId = TestLeads.newLeadId();
        consumer.refuse.set(true);
        try {
            kafka.send(TestLeads.record(Topics.LEADS_STATUS, leadId, TestLeads.reviewQueued(leadId))).get();
            new ConsoleApi(http, sampler).awaitState(state -> state.deadLetters().byTopic().containsKey("leads.status.dlt"),
                    Duration.ofSeconds(30));
        } finally {
            consumer.refuse.set(false);
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // on 127.0.0.1, where the test provider accepts a service on any port
        browser.get(console("/"));
        signInAtTheProvider(wait, "olive");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "Signed in as olive"));
        assertThat(browser.getCurrentUrl()).isEqualTo(console("/"));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#topics tr[data-topic='leads.status']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#groups tr[data-group='" + RefusingStatusConsumer.GROUP + "'][data-topic='leads.status']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dead-letter-groups tr[data-original-topic='leads.status']")));
        assertThat(browser.findElement(By.cssSelector("#dead-letter-groups tr[data-original-topic='leads.status']")).getText())
                .contains(RefusingStatusConsumer.GROUP).contains("The test consumer refuses events for now");
        assertThat(browser.findElement(By.id("dead-letters")).getText()).contains(leadId).contains("Lead status changed");
        assertThat(browser.findElement(By.id("stack")).getText()).contains("absent-service").contains("Not answering")
                .contains("kafka").contains("schema registry");
        assertThat(browser.findElement(By.cssSelector("#alerts li[data-alert='LeadflowDeadLetters']")).getText())
                .contains("Firing");
        assertNoHorizontalOverflow();
        screenshot("console-1280.png");

        browser.findElement(By.cssSelector("#dead-letter-groups tr[data-original-topic='leads.status'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-summary"), "Nothing has been sent."));
        assertThat(browser.findElement(By.id("replay-plan")).getText()).contains(leadId).contains("leads.status");
        assertThat(browser.findElement(By.id("replay-send")).getText()).startsWith("Replay ");
        screenshot("console-dry-run-1280.png");
        browser.findElement(By.id("trace-lead")).sendKeys(leadId);
        browser.findElement(By.id("trace-run")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trace tbody tr")));
        // records sent without a traceparent (as this test's are) say so rather than leave the cell blank
        assertThat(browser.findElement(By.id("trace")).getText()).contains("leads.status.dlt").contains("none");
        assertNoHorizontalOverflow();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('trace').scrollIntoView();");
        screenshot("console-trace-1280.png");
        browser.manage().window().setSize(new Dimension(390, 900));
        assertNoHorizontalOverflow();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('trace').scrollIntoView();");
        screenshot("console-trace-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        browser.manage().window().setSize(new Dimension(390, 900));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#topics tr[data-topic='leads.status']")));
        assertNoHorizontalOverflow();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        screenshot("console-phone.png");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dead-letters-section').scrollIntoView();");
        screenshot("console-phone-dead-letters.png");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void aCareManagerIsToldTheConsoleNeedsTheOperationsRoleAndAnAnonymousVisitorIsSentToSignIn() {
        http.get().uri("/").headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange().expectStatus().isForbidden();
        http.get().uri("/api/overview").headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/dead-letters").headers(h -> h.setBasicAuth("drlee", "drlee-demo")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/overview").headers(h -> h.setBasicAuth("adam", "adam-demo")).exchange()
                .expectStatus().isOk();
        http.get().uri("/").header("Accept", "text/html").exchange().expectStatus().isFound()
                .expectHeader().valueMatches("Location", ".*/oauth2/authorization/leadflow");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(console("/"));
        wait.until(ExpectedConditions.urlContains(IdentityProviderServer.get().issuer() + "/login"));

        signInAtTheProvider(wait, "carla");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("role-needed")));
        assertThat(browser.findElement(By.id("role-needed")).getText()).isEqualTo(
                "You are signed in as carla. You need the Operations role or the Administrator role to open this page.");
        assertThat(browser.getCurrentUrl()).startsWith(console("/"));
        assertThat(browser.findElements(By.id("topics"))).isEmpty();
    }

    private void signInAtTheProvider(WebDriverWait wait, String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String console(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void assertNoHorizontalOverflow() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name), png);
    }
}
