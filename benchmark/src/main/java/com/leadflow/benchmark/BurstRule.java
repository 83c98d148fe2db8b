package com.leadflow.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a burst toppled the stack. During the burst intake must keep accepting every request,
 * promptly; after it the pipeline must catch up, and nothing may have been given up on:
 * <ul>
 *   <li>no request of the burst failed or was shed;</li>
 *   <li>the burst's submit p99 stayed under {@link Targets#BURST_SUBMIT_P99_MS};</li>
 *   <li>every lead of the burst had all its stages within {@link Targets#BURST_DRAIN_SECONDS} of its end;</li>
 *   <li>every lead of the burst and of the half rate after it reached every stage;</li>
 *   <li>no record reached a dead-letter topic.</li>
 * </ul>
 */
final class BurstRule {

  /** What the rule looks at. */
  record Outcome(long due, long failedOrShed, double submitP99Ms, double drainSeconds, long leads,
      long completeLeads, long deadLettersAdded) {}

  /** @return empty when the burst passed; otherwise each reason, in words */
  static List<String> violations(Outcome burst) {
    List<String> reasons = new ArrayList<>();
    if (burst.failedOrShed() > 0) {
      reasons.add(String.format("%d of %d requests of the burst failed or were shed", burst.failedOrShed(),
          burst.due()));
    }
    if (!(burst.submitP99Ms() < Targets.BURST_SUBMIT_P99_MS)) {
      reasons.add(String.format("submit p99 %.0f ms during the burst (%.0f ms allowed)", burst.submitP99Ms(),
          Targets.BURST_SUBMIT_P99_MS));
    }
    // NaN: some lead of the burst never had every stage, which the completeness line below says
    if (burst.drainSeconds() > Targets.BURST_DRAIN_SECONDS) {
      reasons.add(String.format("the burst's leads had every stage %.0f s after it ended (%.0f s allowed)",
          burst.drainSeconds(), Targets.BURST_DRAIN_SECONDS));
    }
    if (burst.completeLeads() < burst.leads()) {
      reasons.add(String.format("%d of %d leads of the burst and after it never reached every stage",
          burst.leads() - burst.completeLeads(), burst.leads()));
    }
    if (burst.deadLettersAdded() != 0) {
      reasons.add(burst.deadLettersAdded() < 0 ? "the dead-letter topics could not be read"
          : burst.deadLettersAdded() + " records reached a dead-letter topic");
    }
    return reasons;
  }

  private BurstRule() {}
}
