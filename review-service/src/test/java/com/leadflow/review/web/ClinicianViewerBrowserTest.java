package com.leadflow.review.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.leadflow.events.ImagingReference;
import com.leadflow.review.support.Leads;
import com.leadflow.review.support.ReviewApi;
import com.leadflow.review.support.ReviewFixture;
import com.leadflow.review.support.ReviewFixture.Queued;
import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.test.HeadlessChromium;
import com.leadflow.test.IdentityProviderServer;
import com.leadflow.test.SyntheticDicom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A clinician reads a synthetic MRI in the review page, in a real browser, with one sign-in: the
 * DICOM viewer draws the first slice and scrolls to the next, a PDF report opens in the browser,
 * and another clinician's claim shows on the open page. Intake's imaging API is stood in for
 * (intake's own StudyUploadTest proves what it serves); what is proven is that review streams the
 * files with the clinician's own token and the page shows them.
 */
@ReviewIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicianViewerBrowserTest {

    static final WireMockServer INTAKE = start();
    static final String STUDY = "1.2.826.0.1.3680043.10.77.9";
    static final LocalDate TAKEN = LocalDate.of(2026, 8, 14);
    static final SyntheticDicom.Series SAGITTAL = new SyntheticDicom.Series(STUDY + ".2", 2, "SAG T2", 3);
    static final byte[] PDF = """
            %PDF-1.4
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R
              /Resources <</Font <</F1 5 0 R>>>>>> endobj
            4 0 obj <</Length 50>> stream
            BT /F1 18 Tf 20 70 Td (Synthetic radiology report) Tj ET
            endstream endobj
            5 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj
            trailer <</Root 1 0 R>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    @Autowired
    WebTestClient http;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${local.server.port}")
    int port;

    ReviewFixture reviews;
    HeadlessChromium chromium;
    WebDriver browser;

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void intake(DynamicPropertyRegistry registry) {
        registry.add("leadflow.review.imaging-base-url", INTAKE::baseUrl);
    }

    @BeforeAll
    void startBrowser() {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed");
        IdentityProviderServer.get().awaitReady();
        reviews = new ReviewFixture(kafka, db, brokers);
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (reviews != null) {
            reviews.close();
        }
        INTAKE.stop();
    }

    @Test
    void aClinicianReadsTheMriInThePageWithOneSignIn() throws IOException {
        ImagingReference study = Leads.study(TAKEN, STUDY, List.of(Leads.series(SAGITTAL.uid(), SAGITTAL.number(),
                SAGITTAL.description(), SAGITTAL.slices())));
        ImagingReference report = Leads.report(TAKEN);
        for (int i = 0; i < SAGITTAL.slices(); i++) {
            INTAKE.stubFor(get(urlEqualTo("/api/imaging/" + study.getImagingId() + "/series/0/instances/" + i))
                    .withHeader("Authorization", matching("Bearer .+"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/dicom")
                            .withHeader("Content-Disposition", "attachment; filename=\"slice.dcm\"")
                            .withBody(SyntheticDicom.slice(STUDY, TAKEN, SAGITTAL, i + 1))));
        }
        INTAKE.stubFor(get(urlEqualTo("/api/imaging/" + report.getImagingId()))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "inline; filename=\"report.pdf\"").withBody(PDF)));
        reviews.emptyTheQueue();
        Queued queued = reviews.queueLead(List.of(), List.of(study, report));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://127.0.0.1:" + port + "/clinician/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("drlee");
        browser.findElement(By.id("password")).sendKeys("drlee-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue tbody tr"), 1));
        assertThat(browser.findElement(By.cssSelector("#queue tbody tr")).getText())
                .contains("50s", "herniated disc", "lower back pain", "MRI lumbar spine, 1 series", "nobody");

        browser.findElement(By.cssSelector("#queue tbody tr button.open")).click();
        wait.until(ExpectedConditions.textToBe(By.id("task-id"), queued.reviewId()));
        browser.findElement(By.cssSelector("#task-imaging button[data-series='0']")).click();

        // the first slice is drawn: the viewer's canvas holds pixels that are not black
        wait.until(ExpectedConditions.textMatches(By.id("slice-counter"), Pattern.compile("Slice \\d of 3")));
        wait.until(driver -> litPixels() > 100);
        assertThat(browser.findElement(By.id("viewer-title")).getText()).contains("SAG T2", "MRI lumbar spine", "2026");
        int first = sliceShown();
        long litBefore = litPixels();
        screenshot("clinician-viewer.png");

        browser.findElement(By.id(first < 3 ? "slice-next" : "slice-previous")).click();
        int expected = first < 3 ? first + 1 : first - 1;
        wait.until(ExpectedConditions.textToBe(By.id("slice-counter"), "Slice " + expected + " of 3"));
        wait.until(driver -> litPixels() != litBefore);
        assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + port + "/clinician/");
        assertThat(browser.getPageSource()).doesNotContain("id=\"password\"");
        INTAKE.verify(getRequestedFor(urlMatching("/api/imaging/" + study.getImagingId() + "/series/0/instances/\\d"))
                .withHeader("Authorization", matching("Bearer .+")));

        // the PDF report opens in the browser, from review, without a second sign-in
        String page = browser.getWindowHandle();
        browser.findElement(By.cssSelector("#task-imaging a.report")).click();
        wait.until(driver -> driver.getWindowHandles().size() == 2);
        for (String handle : new ArrayList<>(browser.getWindowHandles())) {
            if (!handle.equals(page)) {
                browser.switchTo().window(handle);
            }
        }
        wait.until(driver -> "application/pdf".equals(((JavascriptExecutor) driver).executeScript("return document.contentType")));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://127.0.0.1:" + port + "/api/reviews/" + queued.reviewId()
                + "/imaging/" + report.getImagingId());
        browser.close();
        browser.switchTo().window(page);

        // another clinician claims it: the open page says so without a reload
        new ReviewApi(http).post("drpatel", queued.reviewId(), "claim").expectStatus().isOk();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-lease"), "Claimed by drpatel"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("just claimed by drpatel");
        assertThat(browser.findElement(By.id("viewer")).isDisplayed()).isTrue();

        // on a phone the page still fits: nothing scrolls sideways, the viewer included
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot("clinician-viewer-phone.png");
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
    }

    private int sliceShown() {
        Matcher m = Pattern.compile("Slice (\\d) of 3").matcher(browser.findElement(By.id("slice-counter")).getText());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** How many pixels of the viewer's canvases are not black. */
    private long litPixels() {
        Object lit = ((JavascriptExecutor) browser).executeScript("""
                let lit = 0;
                for (const canvas of document.querySelectorAll('#viewer-canvas canvas')) {
                  if (!canvas.width || !canvas.height) { continue; }
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  for (let i = 0; i < data.length; i += 4) {
                    if (data[i] + data[i + 1] + data[i + 2] > 30) { lit++; }
                  }
                }
                return lit;""");
        return ((Number) lit).longValue();
    }

    /** The page as the clinician sees it, for a person to look at (the README's picture is taken from here). */
    private void screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
