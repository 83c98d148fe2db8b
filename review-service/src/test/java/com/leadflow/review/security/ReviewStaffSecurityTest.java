package com.leadflow.review.security;

import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSecurityScenarios;
import java.util.List;

@ReviewIntegrationTest
class ReviewStaffSecurityTest extends StaffSecurityScenarios {

    @Override
    protected StaffAccess staffAccess() {
        return ReviewStaffSignInTest.ACCESS;
    }

    @Override
    protected List<String> pages() {
        return List.of("/clinician/index.html");
    }
}
