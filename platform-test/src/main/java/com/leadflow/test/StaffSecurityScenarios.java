package com.leadflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service's staff side must do, whatever it is for: accept the identity provider's tokens
 * for the right role and answer 401/403 as problem details to API callers and as pages to people;
 * send every page with a Content-Security-Policy and the usual hardening headers, and keep script
 * and style out of the pages themselves. A service's test extends this with its own test annotation.
 */
public abstract class StaffSecurityScenarios {

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    @Autowired
    protected WebTestClient http;

    protected abstract StaffAccess staffAccess();

    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        // a refusal asks the security rules which roles would open the path, one probe per role; on a
        // loaded 2-core machine that can take longer than the test client's 5 s default
        http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    /** Every HTML page the service serves (public and staff), e.g. {@code /}, {@code /care/}. */
    protected abstract List<String> pages();

    @Test
    void anApiCallWithTheProvidersTokenForTheRoleSucceeds() {
        String token = IdentityProviderServer.get().tokenFor(staffAccess().role());
        http.get().uri(staffAccess().apiPath()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().is2xxSuccessful();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApiCallWithTheProvidersTokenWithoutTheRoleGetsProblemDetailsNamingTheRole() {
        String token = IdentityProviderServer.get().tokenFor(IdentityProviderServer.NO_ROLE);
        http.get().uri(staffAccess().apiPath()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://leadflow.example/problems/role-needed")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isEqualTo("This needs " + staffAccess().rolesNeeded() + ".")
                .jsonPath("$.requiredRoles").value(roles -> assertThat((List<Object>) roles).contains(staffAccess().role()));
    }

    @Test
    void anApiCallWithoutCredentialsGetsProblemDetailsAskingForAToken() {
        http.get().uri(staffAccess().apiPath()).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://leadflow.example/problems/not-signed-in")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void aTokenTheProviderDidNotSignGetsProblemDetails() {
        String token = IdentityProviderServer.get().tokenFor(staffAccess().role());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        http.get().uri(staffAccess().apiPath()).headers(h -> h.setBearerAuth(forged)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void aBrowserNotSignedInIsSentToTheProvidersSignIn() {
        String signIn = http.get().uri(staffAccess().staffPage()).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(signIn).endsWith("/oauth2/authorization/leadflow");
        String provider = http.get().uri(signIn).exchange().expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(provider).startsWith(IdentityProviderServer.get().issuer() + "/oauth2/authorize?")
                .contains("scope=openid").contains("redirect_uri=");
    }

    @Test
    void aPersonWithoutTheRoleGetsAPageSayingWhichRoleTheyNeed() {
        String page = http.get().uri(staffAccess().apiPath()).accept(MediaType.TEXT_HTML)
                .headers(h -> h.setBasicAuth(staffAccess().userWithoutRole(), StaffAccess.password(staffAccess().userWithoutRole())))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("You are signed in as <strong>" + staffAccess().userWithoutRole() + "</strong>")
                .contains("You need " + staffAccess().rolesNeeded() + " to open this page.");
        assertThat(INLINE.matcher(page).find()).as("inline script or style").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJsonCallerWithoutTheRoleGetsProblemDetails() {
        http.get().uri(staffAccess().apiPath()).accept(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(staffAccess().userWithoutRole(), StaffAccess.password(staffAccess().userWithoutRole())))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.requiredRoles").value(roles -> assertThat((List<Object>) roles).contains(staffAccess().role()));
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicyAndHardeningHeaders() {
        for (String page : pagesAndSignedOut()) {
            HttpHeaders headers = http.get().uri(page).accept(MediaType.TEXT_HTML)
                    .headers(h -> h.setBasicAuth(staffAccess().user(), StaffAccess.password(staffAccess().user())))
                    .exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders();
            String policy = headers.getFirst("Content-Security-Policy");
            assertThat(policy).as("CSP of %s", page).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(page).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).as(page).isEqualTo("no-referrer");
        }
    }

    @Test
    void noPageCarriesInlineScriptOrStyle() {
        for (String page : pagesAndSignedOut()) {
            String html = http.get().uri(page).accept(MediaType.TEXT_HTML)
                    .headers(h -> h.setBasicAuth(staffAccess().user(), StaffAccess.password(staffAccess().user())))
                    .exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).as(page).contains("<html");
            var inline = INLINE.matcher(html);
            boolean found = inline.find();
            assertThat(found).as("inline script or style in %s: %s", page, found ? inline.group() : "").isFalse();
        }
    }

    private List<String> pagesAndSignedOut() {
        List<String> all = new java.util.ArrayList<>(pages());
        all.add("/signed-out");
        return all;
    }
}
