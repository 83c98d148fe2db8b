package com.leadflow.insurance.openapi;

import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.OpenApiDocumentScenarios;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class InsuranceOpenApiDocumentTest extends OpenApiDocumentScenarios {

    @Override
    protected String staffUser() {
        return "carla";
    }
}
