package com.leadflow.platform.correlation;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.List;
import org.slf4j.MDC;

/**
 * Puts the correlation id of the Reactor context into the logging MDC of whichever thread runs the
 * work, so every log line of a request or an event carries it. Needs
 * {@code spring.reactor.context-propagation=auto}, which the platform sets.
 *
 * <p>The correlation id is the only value carried into thread locals. Libraries register accessors
 * of their own (Spring Security's security context and exchange, Micrometer's current
 * observation); with automatic propagation every one of them is saved, set and cleared around
 * every operator of every request and event, and no leadflow code reads them from a thread local
 * (security is read from the Reactor context). They are removed.
 */
public final class CorrelationLogging {

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
        registry.registerThreadLocalAccessor(Correlation.CONTEXT_KEY,
                () -> MDC.get(Correlation.MDC_KEY),
                value -> MDC.put(Correlation.MDC_KEY, value.toString()),
                () -> MDC.remove(Correlation.MDC_KEY));
        registered = true;
    }
}
