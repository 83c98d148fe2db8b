package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.schemas.Topics;
import org.junit.jupiter.api.Test;

class PollListenersTest {

    @Test
    void aConsumerIsNamedByTheServicesShortNameAndTheTopic() {
        assertThat(PollListeners.consumerName("intake-service", Topics.LEADS_STATUS)).isEqualTo("intake.leads.status");
        assertThat(PollListeners.consumerName("review-service", Topics.LEADS_IMAGING)).isEqualTo("review.leads.imaging");
        assertThat(PollListeners.consumerName("platform-test-app", Topics.LEADS_STATUS))
                .isEqualTo("platform-test-app.leads.status");
    }
}
