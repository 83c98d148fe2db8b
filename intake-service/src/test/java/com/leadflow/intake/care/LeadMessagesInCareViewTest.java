package com.leadflow.intake.care;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.test.HeadlessChromium;
import com.leadflow.test.IdentityProviderServer;
import com.leadflow.test.StaffAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A lead's messages in the care view come from outreach, asked with the care manager's own token
 * so outreach checks the role and audits the person. Outreach's care API is stood in for here
 * (outreach's own tests prove what it answers, CareMessagesApiTest); what is proven is what intake
 * passes on, and to whom.
 */
@IntakeIntegrationTest
class LeadMessagesInCareViewTest {

    static final WireMockServer OUTREACH = start();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void outreach(DynamicPropertyRegistry registry) {
        registry.add("leadflow.intake.outreach-url", OUTREACH::baseUrl);
    }

    @AfterAll
    static void stop() {
        OUTREACH.stop();
    }

    @BeforeEach
    void reset() {
        OUTREACH.resetAll();
    }

    @Test
    void aCareManagerSeesTheLeadsMessagesAndSendsTheKitAgainAsThemselves() {
        String token = IdentityProviderServer.get().tokenFor("CARE_MANAGER");
        UUID lead = UUID.randomUUID();
        OUTREACH.stubFor(get(urlEqualTo("/api/outreach/leads/" + lead + "/messages"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[{\"what\":\"Info kit\",\"channel\":\"EMAIL\",\"stateWords\":\"Sent\"}]")));
        OUTREACH.stubFor(post(urlEqualTo("/api/outreach/leads/" + lead + "/kit"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"what\":\"Info kit\",\"stateWords\":\"Waiting to be sent\"}")));

        http.get().uri("/api/care/leads/{id}/messages", lead).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].what").isEqualTo("Info kit").jsonPath("$[0].stateWords").isEqualTo("Sent");
        http.post().uri("/api/care/leads/{id}/kit", lead).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.stateWords").isEqualTo("Waiting to be sent");
        OUTREACH.verify(1, postRequestedFor(urlEqualTo("/api/outreach/leads/" + lead + "/kit"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aKitPostedByHandIsMarkedPostedAtOutreachAsTheCareManager() {
        String token = IdentityProviderServer.get().tokenFor("CARE_MANAGER");
        UUID message = UUID.randomUUID();
        OUTREACH.stubFor(post(urlEqualTo("/api/outreach/messages/" + message + "/posted"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"what\":\"Info kit\",\"channel\":\"MAIL\",\"stateWords\":\"Sent\"}")));

        http.post().uri("/api/care/messages/{id}/posted", message).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.stateWords").isEqualTo("Sent");
        OUTREACH.verify(1, postRequestedFor(urlEqualTo("/api/outreach/messages/" + message + "/posted"))
                .withHeader("Authorization", equalTo("Bearer " + token)));

        http.post().uri("/api/care/messages/{id}/posted", message)
                .headers(h -> h.setBearerAuth(IdentityProviderServer.get().tokenFor("CLINICIAN"))).exchange()
                .expectStatus().isForbidden();
        OUTREACH.verify(1, postRequestedFor(urlEqualTo("/api/outreach/messages/" + message + "/posted")));
    }

    @Test
    void whatOutreachRefusesIsPassedOnAsItsProblemDetails() {
        String token = IdentityProviderServer.get().tokenFor("CARE_MANAGER");
        UUID lead = UUID.randomUUID();
        OUTREACH.stubFor(post(urlEqualTo("/api/outreach/leads/" + lead + "/kit"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not found\",\"status\":404,\"detail\":\"Lead not known to outreach\"}")));

        http.post().uri("/api/care/leads/{id}/kit", lead).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Lead not known to outreach");
    }

    @Test
    void someoneWithoutTheCareManagerRoleIsRefusedAndOutreachIsNeverAsked() {
        String token = IdentityProviderServer.get().tokenFor("CLINICIAN");
        UUID lead = UUID.randomUUID();

        http.get().uri("/api/care/leads/{id}/messages", lead).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/care/leads/{id}/kit", lead).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        OUTREACH.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void whenOutreachCannotBeReachedTheCareManagerIsToldInPlainWords() {
        String token = IdentityProviderServer.get().tokenFor("CARE_MANAGER");
        OUTREACH.stubFor(get(anyUrl()).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        http.get().uri("/api/care/leads/{id}/messages", UUID.randomUUID()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Outreach cannot be reached");
    }

    /**
     * The whole way a person takes: sign in at the provider, open a lead, read its messages, send the kit
     * again, mark a kit posted by hand as posted.
     */
    @Test
    void aCareManagerSignedInAtTheProviderReadsALeadsMessagesOnTheCarePageAndSendsTheKitAgain() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed");
        Submissions.submit(http, LeadJson.valid());
        String bearer = "Bearer .+";
        OUTREACH.stubFor(get(urlMatching("/api/outreach/leads/.*/messages")).withHeader("Authorization", matching(bearer))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        [{"what":"Info kit","channel":"EMAIL","stateWords":"Sent","sentAt":"2026-11-30T15:04:00Z"},
                         {"what":"Text about the next step","channel":"TEXT","stateWords":"Not sent",
                          "createdAt":"2026-11-30T15:05:00Z","reason":"the visitor opted out of all messages by text"},
                         {"id":"6f1c2a9e-0d4b-4f43-9a55-1c1e6c2b7a10","what":"Info kit","channel":"MAIL","state":"TO_MAIL",
                          "stateWords":"To be posted by the care team","createdAt":"2026-11-30T15:06:00Z"}]""")));
        OUTREACH.stubFor(post(urlEqualTo("/api/outreach/messages/6f1c2a9e-0d4b-4f43-9a55-1c1e6c2b7a10/posted"))
                .withHeader("Authorization", matching(bearer))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        OUTREACH.stubFor(post(urlMatching("/api/outreach/leads/.*/kit")).withHeader("Authorization", matching(bearer))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get("http://127.0.0.1:" + port + "/care/index.html");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("carla");
            browser.findElement(By.id("password")).sendKeys(StaffAccess.password("carla"));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#leads a.lead-link"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Info kit by email: Sent"));
            assertThat(browser.findElement(By.id("messages")).getText())
                    .contains("Text about the next step by text: Not sent", "Info kit by post: To be posted by the care team")
                    .doesNotContain("TEXT", "EMAIL", "TO_MAIL");
            screenshot(browser, "care-messages-1280.png");
            browser.manage().window().setSize(new Dimension(390, 844));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.getElementById('detail').scrollIntoView()");
            screenshot(browser, "care-messages-phone.png");

            browser.findElement(By.id("resend-kit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages-note"), "The kit will be sent again."));

            // the kit to post by hand: once it is in the mail, the care manager says so here
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='messages']//button[.='I posted the kit']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages-note"), "The kit is marked as posted."));
        }
        OUTREACH.verify(1, postRequestedFor(urlEqualTo("/api/outreach/messages/6f1c2a9e-0d4b-4f43-9a55-1c1e6c2b7a10/posted"))
                .withHeader("Authorization", matching(bearer)));
        // intake asked outreach with the token carla's sign-in holds, so outreach knows who asked
        OUTREACH.verify(1, postRequestedFor(urlMatching("/api/outreach/leads/.*/kit")).withHeader("Authorization", matching(bearer)));
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
