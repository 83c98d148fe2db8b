package com.leadflow.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Starts the platform's spans: a request's ({@link SpanKind#SERVER}), the relay's publish of an
 * outbox row ({@link SpanKind#PRODUCER}) and a consumer's apply of a record ({@link SpanKind#CONSUMER}),
 * each the child of the context it continues. Spans are never made "current" in a thread local: the
 * context travels explicitly (the Reactor context, the outbox row, the record's header), as the
 * correlation id does.
 *
 * <p>When tracing is off ({@link #off()}, no exporter configured) every span is a non-recording one:
 * it has ids, so the trace context is carried on and logged, but nothing is timed, kept or sent.
 */
public final class Tracing implements AutoCloseable {

    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    public static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    public static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    public static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("leadflow.consumer");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("leadflow.outcome");

    private static final Tracing OFF = new Tracing(SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build(), false);

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final boolean recording;

    Tracing(SdkTracerProvider provider, boolean recording) {
        this.provider = provider;
        this.tracer = provider.get("com.leadflow.platform");
        this.recording = recording;
    }

    /** Sends the spans still waiting for their batch, and stops; the shared {@link #off()} tracing stays usable. */
    @Override
    public void close() {
        if (recording) {
            provider.close();
        }
    }

    /** Tracing that carries trace context and records nothing. */
    public static Tracing off() {
        return OFF;
    }

    /** Whether spans may be recorded and exported (an exporter is configured). */
    public boolean recording() {
        return recording;
    }

    /** A span of {@code kind} continuing {@code parent}, or starting a trace when the parent is invalid. */
    public Span start(String name, SpanKind kind, SpanContext parent) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        if (parent != null && parent.isValid()) {
            builder.setParent(Context.root().with(Span.wrap(parent)));
        } else {
            builder.setNoParent();
        }
        return builder.startSpan();
    }

    /**
     * The span of a consumer applying one record, the child of the span that published it ({@code <topic> process}).
     * For a listener outside the platform's poll consumers; they start theirs themselves.
     */
    public Span consuming(ConsumerRecord<?, ?> record, String consumer, String group) {
        Span span = start(record.topic() + " process", SpanKind.CONSUMER, TraceParent.of(record.headers()));
        if (span.isRecording()) {
            span.setAttribute(SYSTEM, "kafka");
            span.setAttribute(DESTINATION, record.topic());
            span.setAttribute(CONSUMER, consumer);
            span.setAttribute(CONSUMER_GROUP, group);
            span.setAttribute(PARTITION, (long) record.partition());
            span.setAttribute(OFFSET, record.offset());
        }
        return span;
    }
}
