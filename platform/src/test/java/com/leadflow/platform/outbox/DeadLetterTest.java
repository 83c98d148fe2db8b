package com.leadflow.platform.outbox;

import com.leadflow.test.LeadflowIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** The scenarios on spring-kafka-test's embedded KRaft broker and the local PostgreSQL, in a context of their own. */
@LeadflowIntegrationTest
@TestPropertySource(properties = "spring.application.name=platform-dead-letters")
class DeadLetterTest extends DeadLetterScenarios {
}
