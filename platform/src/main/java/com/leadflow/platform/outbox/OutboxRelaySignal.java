package com.leadflow.platform.outbox;

import com.leadflow.platform.reactive.Broadcast;
import reactor.core.publisher.Flux;

/**
 * Wakes the relay when this instance commits outbox rows, instead of waiting for the next poll.
 * Waking never fails the commit that caused it (it used to give up after 50 ms of contention and
 * turn a stored lead into a 500 answer).
 */
public class OutboxRelaySignal {

    private final Broadcast<Boolean> wakeups = new Broadcast<>();

    void wakeUp() {
        wakeups.publish(Boolean.TRUE);
    }

    Flux<Boolean> wakeups() {
        return wakeups.flux();
    }
}
