package com.leadflow.ops.security;

import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.test.StaffAccess;
import com.leadflow.test.StaffSecurityScenarios;
import java.util.List;

/** The console's tokens, refusals, headers and page are those of every staff side. */
@OpsConsoleIntegrationTest
class OpsConsoleStaffSecurityTest extends StaffSecurityScenarios {

    @Override
    protected StaffAccess staffAccess() {
        return OpsConsoleStaffSignInTest.ACCESS;
    }

    @Override
    protected List<String> pages() {
        return List.of("/");
    }
}
