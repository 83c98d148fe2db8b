package com.leadflow.insurance.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.events.EligibilityCheckDue;
import com.leadflow.platform.consumer.PollListeners;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.schemas.Topics;
import java.math.BigInteger;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;

class CheckTicketTest {

    @Test
    void aTicketHoldsOnlyTheCheckIdAndTheAttempt() {
        var ticket = new CheckTicket(UUID.randomUUID(), 3);
        assertThat(ticket.toEvent().getSchema().getFields()).extracting(field -> field.name())
                .containsExactly("checkId", "attempt");
        assertThat(CheckTicket.from(ticket.toEvent())).isEqualTo(ticket);
    }

    @Test
    void anUnreadableTicketIsRejectedWithoutQuotingIt() {
        for (Object bad : new Object[] {null, "not a ticket",
                EligibilityCheckDue.newBuilder().setCheckId("W123456789").setAttempt(1).build(),
                EligibilityCheckDue.newBuilder().setCheckId(UUID.randomUUID().toString()).setAttempt(0).build()}) {
            assertThatThrownBy(() -> CheckTicket.from(bad)).isInstanceOf(EventRejectedException.class)
                    .message().doesNotContain("W123456789", "not a ticket");
        }
    }

    @Test
    void theDeliveryCountComesFromTheRetryTopicsAttemptHeader() {
        var first = new ConsumerRecord<String, String>("insurance.checks", 0, 0, "lead-1", "{}");
        assertThat(CheckAttemptListener.deliveries(first)).isEqualTo(1);
        var third = new ConsumerRecord<String, String>("insurance.checks-retry-1", 0, 0, "lead-1", "{}");
        third.headers().add(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS, BigInteger.valueOf(3).toByteArray());
        assertThat(CheckAttemptListener.deliveries(third)).isEqualTo(3);
    }

    @Test
    void theAttemptListenerIsNamedLikeEveryOtherConsumer() {
        assertThat(CheckAttemptListener.ID)
                .isEqualTo(PollListeners.consumerName("insurance-service", Topics.INSURANCE_CHECKS));
    }
}
