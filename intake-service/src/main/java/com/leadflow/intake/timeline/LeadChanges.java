package com.leadflow.intake.timeline;

import com.leadflow.platform.reactive.Broadcast;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Timeline changes of this instance, after they committed, for server-sent event streams. A slow
 * subscriber misses notices rather than holding others up; it can always re-read the lead.
 * Requests and the status listener announce at once from many threads; announcing never fails
 * them (see {@link Broadcast}).
 */
@Component
public class LeadChanges {

    private final Broadcast<LeadChange> changes = new Broadcast<>();

    public void published(LeadChange change) {
        changes.publish(change);
    }

    public Flux<LeadChange> stream() {
        return changes.flux();
    }
}
