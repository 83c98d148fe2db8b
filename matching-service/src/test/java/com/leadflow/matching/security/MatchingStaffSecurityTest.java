package com.leadflow.matching.security;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSecurityScenarios;
import java.util.List;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class MatchingStaffSecurityTest extends StaffSecurityScenarios {

    @Override
    protected StaffAccess staffAccess() {
        return MatchingStaffSignInTest.ACCESS;
    }

    /** The coordinator's page; the platform's own (signed out, 401, 403) are checked anyway. */
    @Override
    protected List<String> pages() {
        return List.of("/coordinator/index.html");
    }
}
