package com.leadflow.insurance.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.platform.kafka.EventRejectedException;
import java.math.BigInteger;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;

class CheckTicketTest {

    @Test
    void aTicketHoldsOnlyTheCheckIdAndTheAttempt() {
        var ticket = new CheckTicket(UUID.randomUUID(), 3);
        assertThat(ticket.toJson()).isEqualTo("{\"checkId\":\"" + ticket.checkId() + "\",\"attempt\":3}");
        assertThat(CheckTicket.parse(ticket.toJson())).isEqualTo(ticket);
    }

    @Test
    void anUnreadableTicketIsRejectedWithoutQuotingIt() {
        for (String bad : new String[] {null, "not json", "{\"checkId\":\"W123456789\",\"attempt\":1}",
                "{\"checkId\":\"" + UUID.randomUUID() + "\",\"attempt\":0}", "[]"}) {
            assertThatThrownBy(() -> CheckTicket.parse(bad)).isInstanceOf(EventRejectedException.class)
                    .message().doesNotContain("W123456789", "not json");
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
}
