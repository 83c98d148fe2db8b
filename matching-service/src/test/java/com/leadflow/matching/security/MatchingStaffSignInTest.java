package com.leadflow.matching.security;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSignInScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;

/** Staff sign in here at the practice's identity provider (the service has no page: its session shows who). */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class MatchingStaffSignInTest extends StaffSignInScenarios {

    /** Admins and care managers look the ambassador registry up; pausing one (admins) is the change a cross-site page would try. */
    static final StaffAccess ACCESS = new StaffAccess("/api/ambassadors", "ADMIN",
            "the Patient Care Manager role or the Administrator role",
            "adam", "drlee", "/leadflow/session", HttpMethod.POST,
            "/api/ambassadors/00000000-0000-0000-0000-000000000000/pause", null);

    @Override
    protected StaffAccess staffAccess() {
        return ACCESS;
    }
}
