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
 * Review reads two topics, leads.submitted and leads.imaging. When its leads.submitted listener rejoins
 * (a restart, a lost session) while the imaging listener keeps running, leads are queued again at once. With
 * both listeners in one classic consumer group, the imaging listener, leading the group, handed the rejoining
 * listener no partition, rebalance after rebalance (ClinicianViewerBrowserTest's lost lead).
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
    void aLeadIsQueuedAfterTheLeadsListenerRejoinsBesideTheImagingListener() {
        MessageListenerContainer imaging = listeners.getListenerContainer(
                PollListeners.consumerName(service, Topics.LEADS_IMAGING));
        MessageListenerContainer submitted = listeners.getListenerContainer(
                PollListeners.consumerName(service, Topics.LEADS_SUBMITTED));
        assertThat(imaging.isRunning()).isTrue();

        submitted.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !submitted.isRunning());
        submitted.start();

        try (ReviewFixture reviews = new ReviewFixture(kafka, db, brokers)) {
            assertThat(reviews.queueLead(List.of()).reviewId()).isNotBlank();
        }
    }
}
