package com.leadflow.platform.outbox;

import com.leadflow.test.LeadflowContainersTest;

/** The same scenarios on Kafka and PostgreSQL containers; skipped where no Docker engine runs. */
@LeadflowContainersTest
class DeadLetterOnContainersTest extends DeadLetterScenarios {
}
