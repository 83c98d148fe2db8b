package com.leadflow.platform.kafka;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Turns a processing failure into the reason a dead-lettered record carries. Exception messages
 * from libraries can quote the data they choked on, so only the messages of
 * {@link EventRejectedException} (written to be PHI-free) are used; for anything else the reason
 * names the exception's class and nothing more.
 */
public final class DeadLetterReason {

    private DeadLetterReason() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof EventRejectedException rejected) {
            return "Rejected: " + rejected.getMessage();
        }
        if (cause instanceof DeserializationException deserialization) {
            Throwable inner = deserialization.getCause();
            return (deserialization.isKey() ? "The key" : "The value") + " could not be deserialized"
                    + (inner == null ? "" : " (" + inner.getClass().getName() + ")");
        }
        return "Processing failed with " + cause.getClass().getName() + " after all retries";
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
