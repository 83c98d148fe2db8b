package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollListenersTest {

    @Test
    void aConsumerIsNamedByTheServicesShortNameAndTheTopic() {
        assertThat(PollListeners.consumerName("intake-service", Topics.LEADS_STATUS)).isEqualTo("intake.leads.status");
        assertThat(PollListeners.consumerName("review-service", Topics.LEADS_IMAGING)).isEqualTo("review.leads.imaging");
        assertThat(PollListeners.consumerName("platform-test-app", Topics.LEADS_STATUS))
                .isEqualTo("platform-test-app.leads.status");
    }

    @Test
    void aServicesOneListenerIsNamedByItsShortNameAndItsTopicsAndOnOneTopicKeepsTheConsumersName() {
        assertThat(PollListeners.listenerName("review-service", List.of(Topics.LEADS_SUBMITTED, Topics.LEADS_IMAGING)))
                .isEqualTo("review.leads.submitted+leads.imaging");
        assertThat(PollListeners.listenerName("intake-service", List.of(Topics.LEADS_STATUS)))
                .isEqualTo(PollListeners.consumerName("intake-service", Topics.LEADS_STATUS));
    }

    @Test
    void aListenerGathersItsFetchesOnlyWhenTheServiceSaysSo() {
        assertThat(PollFetch.off().consumerProperties()).as("off: the service's consumer settings stand").isNull();
        assertThat(new PollFetch(0, null).consumerProperties()).as("no bytes to gather is one").isNull();
        assertThat(new PollFetch(16384, Duration.ofMillis(10)).consumerProperties())
                .containsEntry("fetch.min.bytes", "16384").containsEntry("fetch.max.wait.ms", "10");
        assertThat(new PollFetch(16384, null).consumerProperties()).containsOnlyKeys("fetch.min.bytes");
        assertThatThrownBy(() -> new PollFetch(16384, Duration.ZERO))
                .hasMessageContaining("leadflow.consumer.fetch-max-wait");
    }
}
