package com.leadflow.platform.kafka;

/**
 * An event that can never be processed, however often it is retried: it goes straight to the
 * dead-letter topic, and this exception's message becomes the reason header there. The message
 * is therefore written for ops and must never contain patient data; name the field and the
 * rule, never the value.
 */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String phiFreeReason) {
        super(phiFreeReason);
    }
}
