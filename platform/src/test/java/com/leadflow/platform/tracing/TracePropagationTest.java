package com.leadflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A caller's trace continues through the platform: the request's span, the relay's publish of the
 * event it recorded, the consumer's apply of that event, and the event the consumer recorded in
 * turn, all one trace, each span the child of the one before; the records carry it as
 * {@code traceparent}. Spans are collected by an in-memory exporter, as a collector would get them.
 */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
@Import(TracePropagationTest.Exporter.class)
@TestPropertySource(properties = "leadflow.tracing.export-delay=50ms")
class TracePropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired WebTestClient http;
    @Autowired InMemorySpanExporter spans;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @TestConfiguration
    static class Exporter {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Test
    void theCallersTraceRunsThroughTheEventItsConsumerAndTheEventThatAnswersIt() {
        String leadId = "lead-" + UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d" + UUID.randomUUID().toString().substring(0, 8);
        String callerSpan = "00f067aa0ba902b7";

        http.post().uri("/test/leads/{id}/status?summary=answer me", leadId)
                .header(TraceParent.HEADER, "00-" + traceId + "-" + callerSpan + "-01").exchange()
                .expectStatus().isOk();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            var asked = probe.await(r -> leadId.equals(r.key()) && summary(r).equals("answer me"), WAIT);
            var answered = probe.await(r -> leadId.equals(r.key()) && summary(r).equals("answered"), WAIT);
            SpanContext askedContext = TraceParent.of(asked.headers());
            SpanContext answeredContext = TraceParent.of(answered.headers());
            assertThat(askedContext.getTraceId()).isEqualTo(traceId);
            assertThat(answeredContext.getTraceId()).isEqualTo(traceId);

            SpanData request = awaitSpan(traceId, SpanKind.SERVER, "POST /test/leads/{leadId}/status");
            assertThat(request.getParentSpanId()).isEqualTo(callerSpan);
            SpanData publishAsked = awaitSpanWithId(askedContext.getSpanId());
            assertThat(publishAsked.getName()).isEqualTo("leads.status publish");
            assertThat(publishAsked.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publishAsked.getParentSpanId()).isEqualTo(request.getSpanId());

            SpanData applyAsked = awaitSpan(traceId, SpanKind.CONSUMER, "leads.status process",
                    askedContext.getSpanId());
            assertThat(applyAsked.getAttributes().get(Tracing.CONSUMER)).isEqualTo("platform-test-app.leads.status");
            assertThat(applyAsked.getAttributes().get(Tracing.OUTCOME)).isEqualTo("applied");

            SpanData publishAnswered = awaitSpanWithId(answeredContext.getSpanId());
            assertThat(publishAnswered.getParentSpanId()).isEqualTo(applyAsked.getSpanId());
            awaitSpan(traceId, SpanKind.CONSUMER, "leads.status process", answeredContext.getSpanId());
        }
        assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getTraceId().equals(traceId))
                .extracting(span -> span.getResource().getAttribute(AttributeKey.stringKey("service.name")))
                .containsOnly("platform-test-app");
    }

    @Test
    void aRequestWithoutATraceStartsOneThatItsEventCarries() {
        String leadId = "lead-" + UUID.randomUUID();
        http.post().uri("/test/leads/{id}/status", leadId).header(Correlation.HTTP_HEADER, "no-trace-" + leadId)
                .exchange().expectStatus().isOk();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            var record = probe.await(r -> leadId.equals(r.key()), WAIT);
            SpanContext carried = TraceParent.of(record.headers());
            assertThat(carried.isValid()).isTrue();
            assertThat(carried.isSampled()).isTrue();
            SpanData request = awaitSpan(carried.getTraceId(), SpanKind.SERVER, "POST /test/leads/{leadId}/status");
            assertThat(request.getParentSpanContext().isValid()).isFalse();
        }
    }

    private static String summary(ConsumerRecord<String, LeadStatusChanged> record) {
        return record.value().getSummary();
    }

    private SpanData awaitSpanWithId(String spanId) {
        return Awaitility.await().atMost(WAIT).until(() -> finished().stream()
                .filter(span -> span.getSpanId().equals(spanId)).findFirst(), found -> found.isPresent()).orElseThrow();
    }

    private SpanData awaitSpan(String traceId, SpanKind kind, String name) {
        return awaitSpan(traceId, kind, name, null);
    }

    private SpanData awaitSpan(String traceId, SpanKind kind, String name, String parentSpanId) {
        return Awaitility.await().atMost(WAIT).until(() -> finished().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind && span.getName().equals(name))
                .filter(span -> parentSpanId == null || span.getParentSpanId().equals(parentSpanId))
                .findFirst(), found -> found.isPresent()).orElseThrow();
    }

    private List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }
}
