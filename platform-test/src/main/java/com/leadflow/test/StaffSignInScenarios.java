package com.leadflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Signing in as staff do, in a real browser against the real identity provider: once at the
 * provider opens this service's staff pages without asking again; signing out here ends the
 * sign-in everywhere, and signing out elsewhere ends this service's session at once (OIDC
 * back-channel logout); a change sent from another site with the session cookie but no CSRF
 * token is refused. A service's test extends this with its own test annotation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StaffSignInScenarios {

    @Autowired
    protected WebTestClient http;
    @Value("${local.server.port}")
    protected int port;
    @Value("${server.reactive.session.cookie.name}")
    protected String sessionCookie;

    protected HeadlessChromium chromium;
    protected WebDriver browser;
    protected WebDriverWait wait;

    protected abstract StaffAccess staffAccess();

    /** Signs out the way the service's page offers; by default as staff.js does on every staff page. */
    protected void signOutHere() {
        if (!browser.getCurrentUrl().startsWith(serviceUrl("/"))) {
            browser.get(serviceUrl("/leadflow/session"));
        }
        ((JavascriptExecutor) browser).executeScript("""
                fetch('/leadflow/session').then(r => r.json()).then(s => {
                  const form = document.createElement('form');
                  form.method = 'post'; form.action = s.signOut;
                  const token = document.createElement('input');
                  token.type = 'hidden'; token.name = s.csrf.parameter; token.value = s.csrf.token;
                  form.appendChild(token); document.body.appendChild(form); form.submit();
                });""");
    }

    @BeforeAll
    void startBrowser() {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed");
        IdentityProviderServer.get().awaitReady();
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Every scenario starts signed out everywhere: the service and the provider share the host 127.0.0.1. */
    @BeforeEach
    @AfterEach
    void forgetCookies() {
        if (browser != null) {
            browser.get(issuer() + "/login");
            browser.manage().deleteAllCookies();
            browser.get("about:blank");
        }
    }

    @Test
    void signingInOnceAtTheProviderOpensThisServicesStaffPageWithoutAskingAgain() {
        browser.get(issuer() + "/");
        signInAtTheProvider(staffAccess().user());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), staffAccess().user()));

        browser.get(serviceUrl(staffAccess().staffPage()));
        waitUntilOnThisServiceShowing(staffAccess().user());
        assertThat(browser.findElements(By.id("password"))).as("asked for the password again").isEmpty();
    }

    @Test
    void aStaffPageSendsAPersonToSignInAndThenBackToThePage() {
        browser.get(serviceUrl(staffAccess().staffPage()));
        wait.until(ExpectedConditions.urlContains(issuer() + "/login"));
        signInAtTheProvider(staffAccess().user());
        waitUntilOnThisServiceShowing(staffAccess().user());
        assertThat(browser.getCurrentUrl()).startsWith(serviceUrl(staffAccess().staffPage()));
        Cookie session = browser.manage().getCookieNamed(sessionCookie);
        assertThat(session).as("session cookie " + sessionCookie).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void aPersonSignedInWithoutTheRoleIsToldWhichRoleThePageNeedsAndMaySignOut() {
        browser.get(serviceUrl(staffAccess().apiPath()));
        wait.until(ExpectedConditions.urlContains(issuer() + "/login"));
        signInAtTheProvider(staffAccess().userWithoutRole());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("role-needed")));
        assertThat(browser.findElement(By.id("role-needed")).getText()).isEqualTo("You are signed in as "
                + staffAccess().userWithoutRole() + ". You need " + staffAccess().rolesNeeded() + " to open this page.");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlToBe(serviceUrl("/signed-out")));
        browser.get(serviceUrl(staffAccess().apiPath()));
        wait.until(ExpectedConditions.urlContains(issuer() + "/login"));
    }

    @Test
    void signingOutHereEndsTheSessionHereAndTheSignInAtTheProvider() {
        signInThroughThisService();
        String endedSession = browser.manage().getCookieNamed(sessionCookie).getValue();

        signOutHere();
        wait.until(ExpectedConditions.urlToBe(serviceUrl("/signed-out")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are signed out");

        assertSessionEnded(endedSession);
        browser.get(issuer() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        browser.get(serviceUrl(staffAccess().staffPage()));
        wait.until(ExpectedConditions.urlContains(issuer() + "/login"));
    }

    @Test
    void signingOutAtTheProviderEndsThisServicesSessionAtOnce() {
        signInThroughThisService();
        String session = browser.manage().getCookieNamed(sessionCookie).getValue();
        http.get().uri(staffAccess().apiPath()).accept(MediaType.APPLICATION_JSON)
                .header("Cookie", sessionCookie + "=" + session).exchange().expectStatus().isOk();

        // as another application's sign-out would: the provider ends its session and tells every application
        browser.get(issuer() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]"))).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        assertSessionEnded(session);
    }

    @Test
    void aChangeFromAnotherSiteWithTheSessionCookieButNoCsrfTokenIsRefused() {
        signInThroughThisService();
        String cookie = sessionCookie + "=" + browser.manage().getCookieNamed(sessionCookie).getValue();

        change().header("Cookie", cookie).header("Origin", "https://evil.example").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://leadflow.example/problems/csrf");

        // the same change from the service's own page, which sends the session's token, passes the check
        var session = http.get().uri("/leadflow/session").header("Cookie", cookie).exchange()
                .expectStatus().isOk().expectBody(java.util.Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        var csrf = (java.util.Map<String, String>) session.get("csrf");
        int status = change().header("Cookie", cookie).header(csrf.get("header"), csrf.get("token")).exchange()
                .returnResult(Void.class).getStatus().value();
        assertThat(status).as("status with the CSRF token").isNotEqualTo(403).isNotEqualTo(401);
    }

    private WebTestClient.RequestBodySpec change() {
        WebTestClient.RequestBodySpec request = http.method(staffAccess().changeMethod()).uri(staffAccess().changePath())
                .accept(MediaType.APPLICATION_JSON);
        if (staffAccess().changeBody() != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(staffAccess().changeBody());
        }
        return request;
    }

    private void assertSessionEnded(String session) {
        http.get().uri(staffAccess().apiPath()).accept(MediaType.APPLICATION_JSON)
                .header("Cookie", sessionCookie + "=" + session).exchange()
                .expectStatus().isUnauthorized();
    }

    protected void signInThroughThisService() {
        browser.get(serviceUrl(staffAccess().staffPage()));
        wait.until(ExpectedConditions.urlContains(issuer() + "/login"));
        signInAtTheProvider(staffAccess().user());
        waitUntilOnThisServiceShowing(staffAccess().user());
    }

    protected void signInAtTheProvider(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(StaffAccess.password(user));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    protected void waitUntilOnThisServiceShowing(String user) {
        wait.until(ExpectedConditions.urlContains(serviceUrl("/")));
        wait.until(driver -> driver.getPageSource().contains(user));
    }

    protected String serviceUrl(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected static String issuer() {
        return IdentityProviderServer.get().issuer();
    }
}
