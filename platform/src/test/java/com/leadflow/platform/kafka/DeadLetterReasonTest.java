package com.leadflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
