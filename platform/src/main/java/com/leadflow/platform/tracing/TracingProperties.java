package com.leadflow.platform.tracing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where spans go ({@code leadflow.tracing.*}).
 *
 * @param otlpEndpoint the collector's OTLP/HTTP address, e.g. {@code http://collector:4318} (spans are posted to
 *     its {@code /v1/traces}); empty: tracing is off, and only the trace context is carried and logged
 * @param samplingProbability the share of new traces recorded (1.0: all); a trace continued from a caller or an
 *     event follows the caller's decision
 * @param exportDelay how long finished spans wait to be sent in one batch
 */
@ConfigurationProperties("leadflow.tracing")
public record TracingProperties(String otlpEndpoint, @DefaultValue("1.0") double samplingProbability,
        @DefaultValue("2s") Duration exportDelay) {

    public boolean exporting() {
        return otlpEndpoint != null && !otlpEndpoint.isBlank();
    }

    /** The traces URL of the endpoint: its own path if it names one, else {@code /v1/traces}. */
    public String tracesUrl() {
        String base = otlpEndpoint.strip();
        String afterScheme = base.replaceFirst("^[a-zA-Z]+://", "");
        if (afterScheme.contains("/") && !afterScheme.endsWith("/")) {
            return base;
        }
        return base.replaceAll("/+$", "") + "/v1/traces";
    }
}
