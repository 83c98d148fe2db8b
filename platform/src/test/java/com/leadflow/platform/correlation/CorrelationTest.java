package com.leadflow.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CorrelationTest {

    @Test
    void aPlainCallerIdIsKept() {
        assertThat(Correlation.acceptOrCreate("req-42.a_b:c")).isEqualTo("req-42.a_b:c");
    }

    @Test
    void anIdThatCouldCarryDataIntoLogsIsReplaced() {
        assertThat(Correlation.acceptOrCreate("jane@example.com")).isNotEqualTo("jane@example.com").hasSize(36);
        assertThat(Correlation.acceptOrCreate("x".repeat(65))).hasSize(36);
        assertThat(Correlation.acceptOrCreate("a\nb")).hasSize(36);
        assertThat(Correlation.acceptOrCreate(null)).hasSize(36);
    }

    @Test
    void theIdTravelsInTheReactorContext() {
        String id = Correlation.current().contextWrite(context -> Correlation.with(context, "abc")).block();
        assertThat(id).isEqualTo("abc");
        assertThat(Mono.defer(Correlation::current).block()).hasSize(36);
    }
}
