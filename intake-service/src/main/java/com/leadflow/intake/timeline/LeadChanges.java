package com.leadflow.intake.timeline;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Timeline changes of this instance, after they committed, for server-sent event streams. A slow
 * subscriber misses notices rather than holding others up; it can always re-read the lead.
 */
@Component
public class LeadChanges {

    private final Sinks.Many<LeadChange> sink = Sinks.many().multicast().directBestEffort();

    public void published(LeadChange change) {
        sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
    }

    public Flux<LeadChange> stream() {
        return sink.asFlux();
    }
}
