package com.leadflow.matching.security;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSignInScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;

/** Staff sign in here at the practice's identity provider, and the coordinator's page opens for the coordinator. */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class MatchingStaffSignInTest extends StaffSignInScenarios {

    /**
     * The coordinator (and admins) read the wait-list; a care manager does not run the program and is
     * told which role it needs; pausing an ambassador is the change a cross-site page would try.
     */
    static final StaffAccess ACCESS = new StaffAccess("/api/waitlist", "COORDINATOR",
            "the Ambassador Coordinator role or the Administrator role",
            "cora", "carla", "/leadflow/session", HttpMethod.POST,
            "/api/ambassadors/00000000-0000-0000-0000-000000000000/pause", null);

    @Override
    protected StaffAccess staffAccess() {
        return ACCESS;
    }
}
