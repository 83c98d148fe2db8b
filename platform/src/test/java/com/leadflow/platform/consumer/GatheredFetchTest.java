package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadflow.platform.PlatformTestApplication.AppliedEvents;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.outbox.TestEvents;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A service whose poll listener gathers its fetches ({@link PollFetch}): its consumer asks the broker
 * for the configured bytes and wait, and an event alone, far below the bytes, is still applied (the
 * broker answers after the wait), once. Real broker, registry and PostgreSQL.
 */
@LeadflowIntegrationTest
@TestPropertySource(properties = {"leadflow.consumer.fetch-min-bytes=1048576", "leadflow.consumer.fetch-max-wait=300ms"})
class GatheredFetchTest {

    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired Outbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired AppliedEvents applied;

    @Test
    void theListenersConsumerGathersAsConfiguredAndAnEventAloneIsStillAppliedOnce() {
        MessageListenerContainer container = listeners.getListenerContainer(
                PollListeners.listenerName("platform-test-app", List.of(Topics.LEADS_STATUS)));
        assertThat(container).as("the test app's one poll listener").isNotNull();
        assertThat(container.getContainerProperties().getKafkaConsumerProperties())
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576")
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "300");

        String leadId = "lead-" + UUID.randomUUID();
        tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "gathered alone"))).block();
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.countFor(leadId).block() == 1);
        // a second, later event of the same lead comes in a fetch of its own, and the first is not applied again
        tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "gathered again"))).block();
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.countFor(leadId).block() == 2);
    }
}
