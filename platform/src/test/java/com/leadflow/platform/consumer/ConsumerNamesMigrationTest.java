package com.leadflow.platform.consumer;

import com.leadflow.test.LeadflowIntegrationTest;

/** The migration on PostgreSQL. */
@LeadflowIntegrationTest
class ConsumerNamesMigrationTest extends ConsumerNamesMigrationScenarios {
}
