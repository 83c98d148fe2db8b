package com.leadflow.platform.correlation;

import com.leadflow.platform.correlation.Correlation.Ids;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.List;
import org.slf4j.MDC;

/**
 * Puts the correlation id and trace id of the Reactor context into the logging MDC of whichever
 * thread runs the work, so every log line of a request or an event carries them. Needs
 * {@code spring.reactor.context-propagation=auto}, which the platform sets.
 *
 * <p>The ids are the only value carried into thread locals, as one accessor (two would double the
 * save/set/clear around every operator). Libraries register accessors of their own (Spring
 * Security's security context and exchange, Micrometer's current observation); with automatic
 * propagation every one of them is saved, set and cleared around every operator of every request
 * and event, and no leadflow code reads them from a thread local (security is read from the
 * Reactor context). They are removed.
 */
public final class CorrelationLogging {

    private static final ThreadLocal<Ids> CURRENT = new ThreadLocal<>();
    private static volatile boolean registered;

    private CorrelationLogging() {
    }

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ContextRegistry registry = ContextRegistry.getInstance();
        for (ThreadLocalAccessor<?> accessor : List.copyOf(registry.getThreadLocalAccessors())) {
            registry.removeThreadLocalAccessor(accessor.key());
        }
        registry.registerThreadLocalAccessor(Correlation.CONTEXT_KEY, CURRENT::get, CorrelationLogging::set,
                CorrelationLogging::clear);
        registered = true;
    }

    /**
     * Runs blocking work on this thread with these ids in the logging MDC (work handed from a request to
     * a worker thread, say), and restores what the thread had.
     */
    public static <T> T with(Ids ids, java.util.function.Supplier<T> work) {
        Ids before = CURRENT.get();
        set(ids);
        try {
            return work.get();
        } finally {
            if (before == null) {
                clear();
            } else {
                set(before);
            }
        }
    }

    private static void set(Ids ids) {
        CURRENT.set(ids);
        MDC.put(Correlation.MDC_KEY, ids.correlationId());
        String traceId = ids.traceId();
        if (traceId == null) {
            MDC.remove(Correlation.TRACE_MDC_KEY);
        } else {
            MDC.put(Correlation.TRACE_MDC_KEY, traceId);
        }
    }

    private static void clear() {
        CURRENT.remove();
        MDC.remove(Correlation.MDC_KEY);
        MDC.remove(Correlation.TRACE_MDC_KEY);
    }
}
