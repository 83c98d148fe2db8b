package com.leadflow.platform.outbox;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Wakes the relay when this instance commits outbox rows, instead of waiting for the next poll. */
public class OutboxRelaySignal {

    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();

    void wakeUp() {
        wakeups.emitNext(Boolean.TRUE, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    Flux<Boolean> wakeups() {
        return wakeups.asFlux();
    }
}
