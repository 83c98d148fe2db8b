package com.leadflow.platform.tracing;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.correlation.CorrelationLogging;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.MDC;

/**
 * What tracing costs per lead on the CPU, tracing off (the default: ids carried and logged, nothing
 * recorded) and on (every span recorded and batched to an exporter that keeps them in memory), for
 * the pieces the platform adds: a request's span, an outbox row's traceparent, the relay's publish
 * span and header, a consumer's span per record, and the second MDC key the context propagation
 * sets and clears around every operator. Not a test (it asserts nothing): run it by hand with
 * {@code java -cp <platform test classpath> com.leadflow.platform.tracing.TracingCostMeasurement}.
 * Reports this thread's CPU time per operation, the median of several rounds.
 */
public final class TracingCostMeasurement {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int OPS = 200_000;
    private static volatile Object sink;

    private TracingCostMeasurement() {
    }

    public static void main(String[] args) {
        CorrelationLogging.register();
        @SuppressWarnings("unchecked")
        ThreadLocalAccessor<Object> ids = (ThreadLocalAccessor<Object>) ContextRegistry.getInstance()
                .getThreadLocalAccessors().stream().findFirst().orElseThrow();
        Tracing off = Tracing.off();
        InMemorySpanExporter memory = InMemorySpanExporter.create();
        Tracing on = new Tracing(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
                .addSpanProcessor(BatchSpanProcessor.builder(memory).build()).build(), true);
        String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var headers = new RecordHeaders();
        headers.add(TraceParent.HEADER, caller.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var record = new ConsumerRecord<String, Object>("leads.submitted", 0, 0L, "lead", null);
        record.headers().add(TraceParent.HEADER, caller.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Correlation.Ids traced = new Correlation.Ids("corr-1", TraceParent.parse(caller));

        for (Tracing tracing : new Tracing[] {off, on}) {
            String mode = tracing == off ? "off" : "on ";
            report(mode, "request span (start, name, end)", () -> {
                Span span = tracing.start("POST", SpanKind.SERVER, TraceParent.parse(caller));
                if (span.isRecording()) {
                    span.updateName("POST /api/leads");
                }
                span.end();
                sink = span;
            }, memory);
            report(mode, "outbox row traceparent (format)", () -> sink = TraceParent.format(traced.span()), memory);
            report(mode, "relay publish span + header", () -> {
                Span span = tracing.start("leads.submitted publish", SpanKind.PRODUCER, TraceParent.parse(caller));
                if (span.isRecording()) {
                    span.setAttribute(Tracing.DESTINATION, "leads.submitted");
                }
                sink = TraceParent.format(span.getSpanContext());
                span.end();
            }, memory);
            report(mode, "consumer span per record", () -> {
                Span span = tracing.consuming(record, "review.leads.submitted", "review-service");
                if (span.isRecording()) {
                    span.setAttribute(Tracing.OUTCOME, "applied");
                }
                span.end();
                sink = span;
            }, memory);
        }
        report("   ", "MDC set+clear, correlation id only (before)", () -> {
            MDC.put(Correlation.MDC_KEY, "corr-1");
            MDC.remove(Correlation.MDC_KEY);
        }, memory);
        report("   ", "MDC set+clear, correlation + trace id (now)", () -> {
            ids.setValue(traced);
            ids.setValue();
        }, memory);
        on.close();
    }

    private static void report(String mode, String what, Runnable operation, InMemorySpanExporter memory) {
        long[] rounds = new long[7];
        for (int warm = 0; warm < 5; warm++) {
            measure(operation);
            memory.reset();
        }
        for (int i = 0; i < rounds.length; i++) {
            rounds[i] = measure(operation);
            memory.reset();
        }
        java.util.Arrays.sort(rounds);
        System.out.printf("tracing %s  %-46s %8.0f ns CPU%n", mode, what, rounds[rounds.length / 2] / (double) OPS);
    }

    private static long measure(Runnable operation) {
        long start = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < OPS; i++) {
            operation.run();
        }
        return CPU.getCurrentThreadCpuTime() - start;
    }
}
