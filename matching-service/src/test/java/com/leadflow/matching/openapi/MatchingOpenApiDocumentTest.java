package com.leadflow.matching.openapi;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.OpenApiDocumentScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class MatchingOpenApiDocumentTest extends OpenApiDocumentScenarios {

    @Override
    protected String staffUser() {
        return "cora";
    }
}
