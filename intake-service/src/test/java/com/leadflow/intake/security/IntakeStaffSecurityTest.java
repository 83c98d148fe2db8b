package com.leadflow.intake.security;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSecurityScenarios;
import java.util.List;

@IntakeIntegrationTest
class IntakeStaffSecurityTest extends StaffSecurityScenarios {

    @Override
    protected StaffAccess staffAccess() {
        return IntakeStaffSignInTest.ACCESS;
    }

    /** The public form and status page, and the care managers' list. */
    @Override
    protected List<String> pages() {
        return List.of("/", "/index.html", "/status.html", "/privacy.html", "/care/index.html");
    }
}
