package com.leadflow.matching;

import com.leadflow.test.StatementCounter;
import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.LAMINECTOMY;

import com.leadflow.matching.events.LeadTranslator;
import com.leadflow.matching.matchmaking.LeadMatching;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * By hand (not part of the suite): the statements and round trips matching's lead consumer costs
 * per poll of the benchmark's leads (they ask to talk with a past patient and consent), applied as
 * the platform applies a poll (one JDBC transaction) but without the platform's claim of the event
 * ids; once with an ambassador who has room for every lead, once with nobody free (wait-listed).
 * Run with {@code -Dtest=MatchingStatementsMeasurement}; it prints the counts.
 */
class MatchingStatementsMeasurement extends MatchingScenario {

    @Autowired LeadMatching leadMatching;
    @Autowired ConsumerDatabase consumers;

    @Test
    void statementsPerPoll() {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 1);
        // more room than a form allows, so that every lead measured is matched
        db.sql("update ambassador set max_active = 1000").then().block();
        // the pool's first connection and the driver's first statements are not what a poll costs
        for (int i = 0; i < 10; i++) {
            apply(poll(20));
            apply(poll(1));
        }
        measure("matched, one ambassador");
        // equal ambassadors: the least recently matched goes first, so a poll's leads spread over all five
        for (String name : List.of("Amy", "Bob", "Cat", "Dan")) {
            ambassador(name, "Z", SPINAL_STENOSIS, LAMINECTOMY, 1);
        }
        db.sql("update ambassador set max_active = 1000").then().block();
        measure("matched, five ambassadors");
        db.sql("update ambassador set active_matches = max_active").then().block();
        apply(poll(20));
        measure("wait-listed");
    }

    private void measure(String outcome) {
        for (int size : new int[] {1, 20}) {
            List<LeadMatching.Arrival> poll = poll(size);
            try (StatementCounter counter = new StatementCounter()) {
                apply(poll);
                System.out.printf("MEASURED matching-service, %s, poll of %d: %d statements (COMMIT included; pgjdbc sends BEGIN along with the first), "
                        + "%d round trips%n", outcome, size, counter.statements(), counter.roundTrips());
            }
        }
    }

    private void apply(List<LeadMatching.Arrival> poll) {
        consumers.inTransaction(() -> leadMatching.leadsSubmitted(poll));
    }

    static List<LeadMatching.Arrival> poll(int size) {
        return IntStream.range(0, size).mapToObj(i -> {
            String lead = UUID.randomUUID().toString();
            return new LeadMatching.Arrival(
                    new Event<>(lead, lead, UUID.randomUUID().toString(), "measure-" + UUID.randomUUID(), null, null),
                    LeadTranslator.facts(LeadEvents.lead(lead, SPINAL_STENOSIS, LAMINECTOMY, true, true, "en"),
                            LocalDate.now()));
        }).toList();
    }
}
