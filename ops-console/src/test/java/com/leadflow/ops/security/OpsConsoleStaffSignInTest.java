package com.leadflow.ops.security;

import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSignInScenarios;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpMethod;

/** Ops sign in to the console at the practice's identity provider, and out again, as on every staff page. */
@OpsConsoleIntegrationTest
class OpsConsoleStaffSignInTest extends StaffSignInScenarios {

    /** The console is for ops (and admins); a dry run of a replay is the change a cross-site page would try. */
    static final StaffAccess ACCESS = new StaffAccess("/api/overview", "OPS",
            "the Operations role or the Administrator role", "olive", "carla", "/", HttpMethod.POST,
            "/api/replays/dry-run", "{\"originalTopic\":\"leads.status\"}");

    @Override
    protected StaffAccess staffAccess() {
        return ACCESS;
    }

    /** The page's own sign-out button (staff.js). */
    @Override
    protected void signOutHere() {
        browser.get(serviceUrl("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    }
}
