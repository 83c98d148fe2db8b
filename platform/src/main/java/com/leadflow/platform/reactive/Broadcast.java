package com.leadflow.platform.reactive;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A hot stream that any number of threads publish to. A Reactor sink accepts one emission at a
 * time and fails the others, so publishers take turns here: a turn only hands the value to each
 * subscriber, which must not block. Publishing never fails, because it reports something that has
 * already happened (a commit) and the publisher's own answer must not depend on who is listening;
 * a subscriber that has not asked for more misses the value, and with nobody subscribed it is
 * dropped.
 */
public final class Broadcast<T> {

    private final Sinks.Many<T> sink = Sinks.many().multicast().directBestEffort();

    public void publish(T value) {
        synchronized (sink) {
            sink.tryEmitNext(value);
        }
    }

    public Flux<T> flux() {
        return sink.asFlux();
    }
}
