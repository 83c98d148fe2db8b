package com.leadflow.matching;

import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static com.leadflow.events.Procedure.SPINAL_FUSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.matching.events.LeadTranslator;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.matchmaking.LeadMatching;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Leads racing for the same ambassador, for real, in PostgreSQL: the database lets only as many
 * through as the ambassador has slots, and the others are matched with the next best or wait-listed.
 */
class CapacityRaceTest extends MatchingScenario {

    @Autowired LeadMatching leadMatching;
    @Autowired ConsumerDatabase consumers;

    @Test
    void twoLeadsRacingForTheLastFreeSlotGetOneEachOrWait() {
        for (int round = 0; round < 5; round++) {
            UUID best = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 1);
            UUID next = ambassador("Sam", "R", SPINAL_STENOSIS, SPINAL_FUSION, 1);
            List<String> leads = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());

            race(leads);

            List<UUID> matchedWith = leads.stream().flatMap(lead -> matchesOf(lead).stream())
                    .map(Match::ambassadorId).toList();
            assertThat(matchedWith).as("round %d", round).containsExactlyInAnyOrder(best, next);
            assertThat(ambassadors.findById(best).block().activeMatches()).isEqualTo(1);
            assertThat(ambassadors.findById(next).block().activeMatches()).isEqualTo(1);
        }
    }

    @Test
    void manyLeadsRacingNeverOverfillAnAmbassador() {
        UUID best = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        UUID next = ambassador("Sam", "R", SPINAL_STENOSIS, SPINAL_FUSION, 1);
        List<String> leads = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID().toString()).toList();

        race(leads);

        assertThat(ambassadors.findById(best).block().activeMatches()).isEqualTo(2);
        assertThat(ambassadors.findById(next).block().activeMatches()).isEqualTo(1);
        assertThat(leads.stream().flatMap(lead -> matchesOf(lead).stream()).map(Match::ambassadorId)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())))
                .containsEntry(best, 2L).containsEntry(next, 1L).hasSize(2);
        assertThat(leads.stream().map(lead -> seekers.find(lead).block().state()).filter(SeekerState.WAITLISTED::equals))
                .hasSize(5);
    }

    @Test
    void pollsOfManyLeadsRacingNeverOverfillAnAmbassador() {
        UUID best = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        UUID next = ambassador("Sam", "R", SPINAL_STENOSIS, SPINAL_FUSION, 1);
        List<List<String>> polls = IntStream.range(0, 3)
                .mapToObj(p -> IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID().toString()).toList()).toList();

        CountDownLatch gate = new CountDownLatch(1);
        var done = Flux.fromIterable(polls)
                .flatMap(poll -> Mono.fromCallable(() -> {
                            gate.await();
                            applyAsThePlatformDoes(poll);
                            return poll;
                        })
                        .subscribeOn(Schedulers.boundedElastic()), polls.size())
                .then().toFuture();
        gate.countDown();
        done.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();

        List<String> leads = polls.stream().flatMap(List::stream).toList();
        assertThat(ambassadors.findById(best).block().activeMatches()).isEqualTo(2);
        assertThat(ambassadors.findById(next).block().activeMatches()).isEqualTo(1);
        assertThat(leads.stream().flatMap(lead -> matchesOf(lead).stream()).map(Match::ambassadorId)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())))
                .containsEntry(best, 2L).containsEntry(next, 1L).hasSize(2);
        assertThat(leads.stream().map(lead -> seekers.find(lead).block().state()).filter(SeekerState.WAITLISTED::equals))
                .hasSize(6);
    }

    /**
     * A poll in one transaction; when it fails as a whole (a round that lost a slot to another
     * transaction), its leads one per transaction, as the platform applies a failed poll.
     */
    private void applyAsThePlatformDoes(List<String> poll) {
        try {
            consumers.inTransaction(() -> leadMatching.leadsSubmitted(poll.stream().map(this::arrival).toList()));
        } catch (ConcurrencyFailureException lostASlot) {
            poll.forEach(lead -> consumers.inTransaction(() -> leadMatching.leadsSubmitted(List.of(arrival(lead)))));
        }
    }

    private LeadMatching.Arrival arrival(String lead) {
        return new LeadMatching.Arrival(
                new Event<>(lead, lead, UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null),
                LeadTranslator.facts(LeadEvents.lead(lead, SPINAL_STENOSIS, LAMINECTOMY, true, true, "en"), LocalDate.now()));
    }

    /** Every lead arrives at once, each on its own thread and transaction, released by one start gate. */
    private void race(List<String> leads) {
        CountDownLatch gate = new CountDownLatch(1);
        Mono<Void> all = Flux.fromIterable(leads)
                .flatMap(lead -> Mono.fromCallable(() -> {
                            gate.await();
                            return LeadTranslator.facts(
                                    LeadEvents.lead(lead, SPINAL_STENOSIS, LAMINECTOMY, true, true, "en"), LocalDate.now());
                        })
                        // as a poll of its own would bring it: in a JDBC transaction, with an event as its cause
                        .map(facts -> consumers.inTransaction(() -> {
                            leadMatching.leadsSubmitted(List.of(new LeadMatching.Arrival(
                                    new Event<>(lead, lead, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                                            null, null), facts)));
                            return lead;
                        }))
                        .subscribeOn(Schedulers.boundedElastic()), leads.size())
                .then();
        var done = all.toFuture();
        gate.countDown();
        done.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(Set.copyOf(leads)).hasSameSizeAs(leads);
    }
}
