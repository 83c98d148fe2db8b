package com.leadflow.platform.outbox;

import com.leadflow.test.LeadflowIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The same scenarios on the embedded H2 database of the zero-setup local run, so the platform's
 * SQL keeps working on both databases.
 */
@LeadflowIntegrationTest
@TestPropertySource(properties = "leadflow.database.url=jdbc:h2:file:./target/h2/outbox-test")
class OutboxOnEmbeddedDatabaseTest extends OutboxPublishingScenarios {
}
