package com.leadflow.insurance;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.ServiceBasicsScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class InsuranceServiceStartsTest extends ServiceBasicsScenarios {
}
