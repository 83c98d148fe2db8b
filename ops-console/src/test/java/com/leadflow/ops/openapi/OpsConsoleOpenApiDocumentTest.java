package com.leadflow.ops.openapi;

import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.test.OpenApiDocumentScenarios;

@OpsConsoleIntegrationTest
class OpsConsoleOpenApiDocumentTest extends OpenApiDocumentScenarios {

    @Override
    protected String staffUser() {
        return "olive";
    }
}
