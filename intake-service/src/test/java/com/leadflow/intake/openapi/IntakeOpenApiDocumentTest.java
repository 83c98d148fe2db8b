package com.leadflow.intake.openapi;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.test.OpenApiDocumentScenarios;

@IntakeIntegrationTest
class IntakeOpenApiDocumentTest extends OpenApiDocumentScenarios {

    @Override
    protected String staffUser() {
        return "carla";
    }
}
