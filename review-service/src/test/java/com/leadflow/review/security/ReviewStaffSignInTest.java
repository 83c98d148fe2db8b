package com.leadflow.review.security;

import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSignInScenarios;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpMethod;

/** A clinician signs in to the review queue at the practice's identity provider, and out again. */
@ReviewIntegrationTest
class ReviewStaffSignInTest extends StaffSignInScenarios {

    /** The queue is for clinicians; claiming a review is the change a cross-site page would try. */
    static final StaffAccess ACCESS = new StaffAccess("/api/reviews", "CLINICIAN", "the Clinician role", "drlee", "carla",
            "/clinician/", HttpMethod.POST, "/api/reviews/00000000-0000-0000-0000-000000000000/claim", null);

    @Override
    protected StaffAccess staffAccess() {
        return ACCESS;
    }

    /** The page's own sign-out button. */
    @Override
    protected void signOutHere() {
        browser.get(serviceUrl("/clinician/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    }
}
