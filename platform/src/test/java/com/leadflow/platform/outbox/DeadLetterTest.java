package com.leadflow.platform.outbox;

import com.leadflow.test.LeadflowIntegrationTest;

/** The scenarios on spring-kafka-test's embedded KRaft broker and the local PostgreSQL. */
@LeadflowIntegrationTest
class DeadLetterTest extends DeadLetterScenarios {
}
