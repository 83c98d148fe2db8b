package com.leadflow.outreach.openapi;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.OpenApiDocumentScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class OutreachOpenApiDocumentTest extends OpenApiDocumentScenarios {

    @Override
    protected String staffUser() {
        return "carla";
    }
}
