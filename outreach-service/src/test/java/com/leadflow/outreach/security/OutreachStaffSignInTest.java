package com.leadflow.outreach.security;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSignInScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;

/** Care managers sign in here at the practice's identity provider (no staff page of its own: its session shows who). */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class OutreachStaffSignInTest extends StaffSignInScenarios {

    /** A lead's messages are for care managers; sending a kit again is the change a cross-site page would try. */
    static final StaffAccess ACCESS = new StaffAccess("/api/outreach/leads/00000000-0000-0000-0000-000000000000/messages",
            "CARE_MANAGER", "the Patient Care Manager role", "carla", "drlee", "/leadflow/session", HttpMethod.POST,
            "/api/outreach/leads/00000000-0000-0000-0000-000000000000/kit", null);

    @Override
    protected StaffAccess staffAccess() {
        return ACCESS;
    }
}
