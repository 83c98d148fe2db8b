package com.leadflow.matching.matchmaking;

import com.leadflow.matching.ambassador.AmbassadorRepository;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Gives an ambassador's conversation slot back when a match ends, and lets the wait-list know. */
@Component
public class Slots {

    private final AmbassadorRepository ambassadors;
    private final SweepRequests sweeps;

    public Slots(AmbassadorRepository ambassadors, SweepRequests sweeps) {
        this.ambassadors = ambassadors;
        this.sweeps = sweeps;
    }

    public Mono<Void> release(UUID ambassadorId) {
        return ambassadors.giveSlotBack(ambassadorId).then(sweeps.afterCommit());
    }
}
