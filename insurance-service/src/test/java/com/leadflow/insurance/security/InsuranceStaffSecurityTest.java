package com.leadflow.insurance.security;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSecurityScenarios;
import java.util.List;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class InsuranceStaffSecurityTest extends StaffSecurityScenarios {

    @Override
    protected StaffAccess staffAccess() {
        return InsuranceStaffSignInTest.ACCESS;
    }

    /** The service has no pages of its own; the platform's (signed out, 401, 403) are checked anyway. */
    @Override
    protected List<String> pages() {
        return List.of();
    }
}
