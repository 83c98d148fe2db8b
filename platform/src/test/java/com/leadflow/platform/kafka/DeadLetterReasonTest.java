package com.leadflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterReasonTest {

    @Test
    void aLibraryMessageThatMayQuotePatientDataIsReducedToItsClass() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new IllegalArgumentException("bad date of birth 1961-04-12 for Jane"));
        assertThat(DeadLetterReason.describe(failure))
                .isEqualTo("Processing failed with java.lang.IllegalArgumentException after all retries")
                .doesNotContain("Jane");
    }

    @Test
    void aRejectionKeepsItsPhiFreeReason() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new EventRejectedException("leadId is missing"));
        assertThat(DeadLetterReason.describe(failure)).isEqualTo("Rejected: leadId is missing");
    }

    @Test
    void aRejectionOfOneRecordOfABatchKeepsItsReasonToo() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("Record 2 of the batch cannot be applied",
                        new EventRejectedException("leadId names no lead known to intake"), 2));
        assertThat(DeadLetterReason.describe(failure)).isEqualTo("Rejected: leadId names no lead known to intake");
    }
}
