package com.leadflow.matching.matchmaking;

import com.leadflow.matching.ambassador.AmbassadorRepository;
import com.leadflow.matching.ambassador.JdbcAmbassadors;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Gives an ambassador's conversation slot back when a match ends, and lets the wait-list know. */
@Component
public class Slots {

    private final AmbassadorRepository ambassadors;
    private final JdbcAmbassadors jdbcAmbassadors;
    private final SweepRequests sweeps;

    public Slots(AmbassadorRepository ambassadors, JdbcAmbassadors jdbcAmbassadors, SweepRequests sweeps) {
        this.ambassadors = ambassadors;
        this.jdbcAmbassadors = jdbcAmbassadors;
        this.sweeps = sweeps;
    }

    /** In the R2DBC transaction of an HTTP request or of the wait-list sweep. */
    public Mono<Void> release(UUID ambassadorId) {
        return ambassadors.giveSlotBack(ambassadorId).then(sweeps.afterCommit());
    }

    /** In the JDBC transaction of a consumer's poll. */
    public void releaseInPoll(UUID ambassadorId) {
        jdbcAmbassadors.giveSlotBack(ambassadorId);
        sweeps.afterJdbcCommit();
    }
}
