package com.leadflow.review.openapi;

import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.test.OpenApiDocumentScenarios;

@ReviewIntegrationTest
class ReviewOpenApiDocumentTest extends OpenApiDocumentScenarios {

    @Override
    protected String staffUser() {
        return "drlee";
    }
}
