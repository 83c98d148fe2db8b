package com.leadflow.platform.consumer;

import com.leadflow.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of one poll, one per record, each ended with what became of its record
 * ({@link Tracing#OUTCOME}): skipped or rejected before the transaction; applied, or repeated
 * (applied before), once it committed; failed when the poll failed before its event's commit.
 */
final class PollSpans {

    private final List<Span> all = new ArrayList<>();
    private final Map<Event<?>, Span> pending = new IdentityHashMap<>();

    void add(Span span) {
        all.add(span);
    }

    /** The event goes to the handler; its outcome is known after the transaction. */
    void pending(Event<?> event, Span span) {
        pending.put(event, span);
    }

    void outcome(Span span, String outcome) {
        if (span.isRecording()) {
            span.setAttribute(Tracing.OUTCOME, outcome);
        }
    }

    void applied(List<? extends Event<?>> applied) {
        for (Event<?> event : applied) {
            Span span = pending.remove(event);
            if (span != null) {
                outcome(span, "applied");
            }
        }
    }

    /** The transaction committed: the events it did not apply had been applied before. */
    void restRepeated() {
        pending.values().forEach(span -> outcome(span, "repeated"));
        pending.clear();
    }

    void failed(RuntimeException failure) {
        for (Span span : pending.values()) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            outcome(span, "failed");
        }
        pending.clear();
    }

    void end() {
        all.forEach(Span::end);
    }
}
