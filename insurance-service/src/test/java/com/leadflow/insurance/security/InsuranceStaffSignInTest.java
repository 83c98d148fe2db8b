package com.leadflow.insurance.security;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSignInScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;

/** Staff sign in here at the practice's identity provider (the service has no page: its session shows who). */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class InsuranceStaffSignInTest extends StaffSignInScenarios {

    /** Insurance checks are for care managers; asking for a re-check is the change a cross-site page would try. */
    static final StaffAccess ACCESS = new StaffAccess("/api/checks?leadId=lead-1", "CARE_MANAGER",
            "the Patient Care Manager role", "carla", "drlee", "/leadflow/session", HttpMethod.POST,
            "/api/leads/lead-1/insurance-checks", null);

    @Override
    protected StaffAccess staffAccess() {
        return ACCESS;
    }
}
