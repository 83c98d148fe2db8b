package com.leadflow.intake.security;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSignInScenarios;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpMethod;

/** A care manager signs in to the leads list at the practice's identity provider, and out again. */
@IntakeIntegrationTest
class IntakeStaffSignInTest extends StaffSignInScenarios {

    /** Leads are for care managers; recording a contact attempt is the change a cross-site page would try. */
    static final StaffAccess ACCESS = new StaffAccess("/api/care/leads", "CARE_MANAGER", "the Patient Care Manager role",
            "carla", "drlee", "/care/index.html", HttpMethod.POST,
            "/api/care/leads/00000000-0000-0000-0000-000000000000/contact-attempts",
            "{\"channel\":\"PHONE\",\"outcome\":\"REACHED\"}");

    @Override
    protected StaffAccess staffAccess() {
        return ACCESS;
    }

    /**
     * Swagger UI runs under the platform's Content-Security-Policy (its scripts and styles are files
     * of the service; no inline script): a care manager who signs in sees intake's operations in it.
     */
    @Test
    void aSignedInCareManagerReadsTheApiInSwaggerUi() {
        browser.get(serviceUrl("/swagger-ui.html"));
        wait.until(ExpectedConditions.urlContains(issuer() + "/login"));
        signInAtTheProvider(staffAccess().user());
        wait.until(ExpectedConditions.urlContains(serviceUrl("/swagger-ui/")));
        wait.until(driver -> driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .anyMatch(path -> path.getText().equals("/api/leads")));
    }

    /** The page's own sign-out button. */
    @Override
    protected void signOutHere() {
        browser.get(serviceUrl("/care/index.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    }
}
