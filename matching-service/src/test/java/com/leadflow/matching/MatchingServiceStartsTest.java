package com.leadflow.matching;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.ServiceBasicsScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class MatchingServiceStartsTest extends ServiceBasicsScenarios {
}
