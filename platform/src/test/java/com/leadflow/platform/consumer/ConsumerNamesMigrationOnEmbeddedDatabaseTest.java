package com.leadflow.platform.consumer;

import com.leadflow.test.LeadflowIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** The migration on the embedded H2 database of the zero-setup local run. */
@LeadflowIntegrationTest
@TestPropertySource(properties = "leadflow.database.url=jdbc:h2:file:./target/h2/outbox-test")
class ConsumerNamesMigrationOnEmbeddedDatabaseTest extends ConsumerNamesMigrationScenarios {
}
