package com.leadflow.matching.matchmaking;

import com.leadflow.matching.config.MatchingProperties;
import com.leadflow.matching.match.MatchActions;
import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.seeker.JdbcSeekers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Matches wait-listed leads as soon as an ambassador who fits has room: after every change that
 * freed a slot or added an ambassador, and every {@code sweepInterval} besides. First the leads of
 * ambassadors who withdrew are given someone else, then the wait-listed leads someone with room
 * shares something with are tried, longest waiting first, in one round. Requests that arrive
 * during a sweep are folded into one more sweep.
 */
@Component
public class WaitlistSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WaitlistSweeper.class);

    private final SweepRequests requests;
    private final JdbcSeekers seekers;
    private final MatchRepository matches;
    private final LeadMatching leads;
    private final MatchActions actions;
    private final MatchingProperties properties;
    private volatile Disposable running;

    public WaitlistSweeper(SweepRequests requests, JdbcSeekers seekers, MatchRepository matches,
            LeadMatching leads, MatchActions actions, MatchingProperties properties) {
        this.requests = requests;
        this.seekers = seekers;
        this.matches = matches;
        this.leads = leads;
        this.actions = actions;
        this.properties = properties;
    }

    /** One pass over the matches of withdrawn ambassadors and the wait-list. */
    public Mono<Void> sweepOnce() {
        Mono<Void> rehome = matches.findHeldByRetiredAmbassadors()
                .concatMap(match -> actions.withdrawnByAmbassador(match)
                        .onErrorResume(e -> skip("match", match.id().toString(), e)))
                .then();
        return rehome.then(Mono.fromRunnable(this::retryWaitlist).subscribeOn(Schedulers.boundedElastic()).then());
    }

    /**
     * Tries again the wait-listed leads an ambassador with room could take, blocking, on JDBC: one
     * read finds them (none when nobody has room, so a sweep then costs that one query), one round
     * matches them.
     */
    public void retryWaitlist() {
        leads.retryWaitlisted(seekers.waitlistedWithRoom(properties.sweepBatch()));
    }

    private static Mono<Void> skip(String kind, String id, Throwable e) {
        // the next sweep tries again; the exception class only, its message may quote data
        log.warn("Wait-list sweep skipped {} {}: {}", kind, id, e.getClass().getSimpleName());
        return Mono.empty();
    }

    @Override
    public void start() {
        running = Flux.merge(requests.asFlux(), Flux.interval(properties.sweepInterval()).map(tick -> Boolean.TRUE))
                .onBackpressureLatest()
                .concatMap(request -> sweepOnce().onErrorResume(e -> skip("sweep", "-", e)), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
