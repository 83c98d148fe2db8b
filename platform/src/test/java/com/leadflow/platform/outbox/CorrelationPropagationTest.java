package com.leadflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.tracing.TraceParent;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The correlation id of an HTTP request travels into the events the request causes. */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class CorrelationPropagationTest {

    @Autowired WebTestClient http;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void theRequestsCorrelationIdIsOnTheEventItCausedAndEchoedToTheCaller() {
        String leadId = "lead-" + UUID.randomUUID();
        String correlationId = "req-" + UUID.randomUUID();

        http.post().uri("/test/leads/{id}/status", leadId).header(Correlation.HTTP_HEADER, correlationId).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(Correlation.HTTP_HEADER, correlationId);

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            var record = probe.await(r -> leadId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, EventHeaders.CORRELATION_ID)).isEqualTo(correlationId);
        }
    }

    /** With tracing off (no exporter, as here) the caller's trace id still reaches the event: carried, not recorded. */
    @Test
    void withTracingOffTheCallersTraceIdStillReachesTheEvent() {
        String leadId = "lead-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        http.post().uri("/test/leads/{id}/status", leadId)
                .header(TraceParent.HEADER, "00-" + traceId + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            var record = probe.await(r -> leadId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TraceParent.of(record.headers()).getTraceId()).isEqualTo(traceId);
        }
    }

    @Test
    void aRequestWithoutOneGetsAFreshIdThatTheEventCarries() {
        String leadId = "lead-" + UUID.randomUUID();
        String given = http.post().uri("/test/leads/{id}/status", leadId).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst(Correlation.HTTP_HEADER);

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            var record = probe.await(r -> leadId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(given).isNotBlank();
            assertThat(TopicProbe.header(record, EventHeaders.CORRELATION_ID)).isEqualTo(given);
        }
    }
}
