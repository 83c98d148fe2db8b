package com.leadflow.outreach.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSecurityScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class OutreachStaffSecurityTest extends StaffSecurityScenarios {

    @Override
    protected StaffAccess staffAccess() {
        return OutreachStaffSignInTest.ACCESS;
    }

    /** No staff page here; the recipient's unsubscribe page is checked below (the platform's are checked anyway). */
    @Override
    protected List<String> pages() {
        return List.of();
    }

    @Test
    void theUnsubscribePageOpensWithoutSignInUnderThePolicyWithNoInlineScriptOrStyle() {
        var result = http.get().uri("/unsubscribe/" + "A".repeat(43)).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self'.*style-src 'self'.*")
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseBody()).contains("<html", "This link is not valid")
                .doesNotContain("<script", "<style", "style=", "unsafe-inline");
    }

    @Test
    void theOutboxOfTheLocalStackIsForCareManagersOnly() {
        http.get().uri("/local/texts").exchange().expectStatus().isUnauthorized();
        http.get().uri("/local/texts").headers(h -> h.setBasicAuth("drlee", "drlee-demo")).exchange().expectStatus().isForbidden();
    }

    @Test
    void theSmsWebhookAndTheUnsubscribeButtonNeedNoCsrfTokenEvenWithASessionCookie() {
        // the unknown link is answered as such, not refused as cross-site
        http.post().uri("/unsubscribe/" + "A".repeat(43)).cookie("SESSION", "any").exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).contains("This link is not valid"));
        // no gateway auth token is set in this context, so the reply is taken without a signature
        http.post().uri("/sms/inbound").cookie("SESSION", "any").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("From=%2B15555550100&Body=STOP").exchange().expectStatus().isOk();
    }
}
