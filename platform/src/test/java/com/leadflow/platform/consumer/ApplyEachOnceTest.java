package com.leadflow.platform.consumer;

import com.leadflow.test.LeadflowIntegrationTest;

/** The scenarios on PostgreSQL. */
@LeadflowIntegrationTest
class ApplyEachOnceTest extends ApplyEachOnceScenarios {
}
