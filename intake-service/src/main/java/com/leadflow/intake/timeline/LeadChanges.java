package com.leadflow.intake.timeline;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Timeline changes of this instance, after they committed, for server-sent event streams. A slow
 * subscriber misses notices rather than holding others up; it can always re-read the lead.
 *
 * <p>Requests and the status listener announce from many threads at once, and a sink accepts one
 * emission at a time: they take turns (an emission only hands the notice to each subscriber's
 * queue, so a turn is short). Announcing never fails: the change it reports has committed, and the
 * caller's answer must not depend on who is watching.
 */
@Component
public class LeadChanges {

    private final Sinks.Many<LeadChange> sink = Sinks.many().multicast().directBestEffort();

    public void published(LeadChange change) {
        synchronized (sink) {
            // with nobody subscribed there is nothing to tell
            sink.tryEmitNext(change);
        }
    }

    public Flux<LeadChange> stream() {
        return sink.asFlux();
    }
}
