package com.leadflow.platform.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

/**
 * Puts the correlation id of the Reactor context into the logging MDC of whichever thread runs the
 * work, so every log line of a request or an event carries it. Needs
 * {@code spring.reactor.context-propagation=auto}, which the platform sets.
 */
public final class CorrelationLogging {

    private static volatile boolean registered;

    private CorrelationLogging() {
    }

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ContextRegistry.getInstance().registerThreadLocalAccessor(Correlation.CONTEXT_KEY,
                () -> MDC.get(Correlation.MDC_KEY),
                value -> MDC.put(Correlation.MDC_KEY, value.toString()),
                () -> MDC.remove(Correlation.MDC_KEY));
        registered = true;
    }
}
