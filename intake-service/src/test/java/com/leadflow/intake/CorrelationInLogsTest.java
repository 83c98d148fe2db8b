package com.leadflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Ops follow one submission through the logs by its correlation id: the line intake writes once
 * the lead is stored (on a database thread, not the request's) carries the id the caller sent, and
 * the trace id of the caller's W3C {@code traceparent} beside it.
 */
@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CorrelationInLogsTest {

    @Autowired
    WebTestClient http;

    @Test
    void theLineThatSaysALeadWasStoredCarriesTheCallersCorrelationId(CapturedOutput output) {
        String correlationId = "ops-trace-" + UUID.randomUUID();

        String stored = submittedLine(output, headers -> headers.set("X-Correlation-Id", correlationId));

        assertThat(stored).contains("[" + correlationId + "]");
    }

    @Test
    void theSameLineCarriesTheTraceIdOfTheCallersTraceparent(CapturedOutput output) {
        String correlationId = "ops-trace-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        String stored = submittedLine(output, headers -> {
            headers.set("X-Correlation-Id", correlationId);
            headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        });

        assertThat(stored).contains("[" + correlationId + "] [" + traceId + "]");
    }

    /** Submits a valid lead with the given headers and returns the log line saying it was stored. */
    @SuppressWarnings("unchecked")
    private String submittedLine(CapturedOutput output, Consumer<HttpHeaders> headers) {
        Map<String, String> accepted = http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(LeadJson.valid().body()).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return output.getAll().lines()
                .filter(line -> line.contains("Lead " + accepted.get("leadId") + " submitted"))
                .findFirst().orElseThrow();
    }
}
