package com.leadflow.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadflow.platform.consumer.PollListeners;
import com.leadflow.review.support.ReviewFixture;
import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Review reads two topics, leads.submitted and leads.imaging, with one listener (one consumer group whose
 * members all read both). When it rejoins (a restart, a lost session), leads are queued again at once. Once,
 * with a listener per topic in one classic consumer group, the imaging listener, leading the group, handed
 * the rejoining listener no partition, rebalance after rebalance (ClinicianViewerBrowserTest's lost lead).
 */
@ReviewIntegrationTest
class ListenerRejoinTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${spring.application.name}")
    String service;

    @Test
    void aLeadIsQueuedAfterTheServicesListenerOfBothTopicsRejoins() {
        MessageListenerContainer listener = listeners.getListenerContainer(
                PollListeners.listenerName(service, List.of(Topics.LEADS_SUBMITTED, Topics.LEADS_IMAGING)));
        assertThat(listener.isRunning()).isTrue();
        assertThat(listeners.getListenerContainerIds()).filteredOn(id -> id.startsWith("review.")).hasSize(1);

        listener.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !listener.isRunning());
        listener.start();

        try (ReviewFixture reviews = new ReviewFixture(kafka, db, brokers)) {
            assertThat(reviews.queueLead(List.of()).reviewId()).isNotBlank();
        }
    }
}
