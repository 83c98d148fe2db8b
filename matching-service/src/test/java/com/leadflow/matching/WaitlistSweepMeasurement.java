package com.leadflow.matching;

import static com.leadflow.events.Condition.HERNIATED_DISC;
import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static com.leadflow.events.Procedure.MICRODISCECTOMY;

import com.leadflow.matching.matchmaking.LeadMatching;
import com.leadflow.matching.matchmaking.WaitlistSweeper;
import com.leadflow.platform.db.ConsumerDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * By hand (not part of the suite): how long one wait-list sweep takes with the benchmark's
 * wait-list (every lead asks to be matched, the one ambassador who fits them is full, 200 leads
 * wait): while nobody has room, while only an ambassador who shares nothing with them has room
 * (the benchmark's usual case once the fitting ones fill up), and when the fitting ambassador gets
 * one more slot. Written against {@code sweepOnce()} so that it runs on the code before and after
 * a change alike. Run with {@code -Dtest=WaitlistSweepMeasurement}; it prints the times.
 */
class WaitlistSweepMeasurement extends MatchingScenario {

    private static final int WAITING = 200;
    private static final int SWEEPS = 10;

    @Autowired LeadMatching leadMatching;
    @Autowired WaitlistSweeper sweeper;
    @Autowired ConsumerDatabase consumers;

    @Test
    void oneSweep() {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 1);
        for (int i = 0; i <= WAITING; i += 20) {
            List<LeadMatching.Arrival> poll = MatchingStatementsMeasurement.poll(i == 0 ? 1 : 20);
            consumers.inTransaction(() -> leadMatching.leadsSubmitted(poll));
        }
        // the first sweeps warm the pools and the code paths
        for (int i = 0; i < 3; i++) {
            sweeper.sweepOnce().block();
        }
        measure("nobody has room");
        ambassador("Dora", "D", HERNIATED_DISC, MICRODISCECTOMY, 1);
        measure("only an ambassador who shares nothing with them has room");
        long total = 0;
        for (int i = 0; i < SWEEPS; i++) {
            db.sql("update ambassador set max_active = max_active + 1 where first_name = 'Larry'").then().block();
            long start = System.nanoTime();
            sweeper.sweepOnce().block();
            total += System.nanoTime() - start;
        }
        System.out.printf("MEASURED matching-service wait-list sweep, %d waiting, the fitting ambassador gained a slot: "
                + "%.1f ms a sweep (mean of %d)%n", WAITING, total / 1e6 / SWEEPS, SWEEPS);
    }

    private void measure(String situation) {
        long start = System.nanoTime();
        for (int i = 0; i < SWEEPS; i++) {
            sweeper.sweepOnce().block();
        }
        System.out.printf("MEASURED matching-service wait-list sweep, %d waiting, %s: %.1f ms a sweep (mean of %d)%n",
                WAITING, situation, (System.nanoTime() - start) / 1e6 / SWEEPS, SWEEPS);
    }
}
