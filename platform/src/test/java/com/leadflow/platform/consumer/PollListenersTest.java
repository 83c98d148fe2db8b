package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.schemas.Topics;
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
}
