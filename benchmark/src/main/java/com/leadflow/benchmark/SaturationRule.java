package com.leadflow.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the stack kept up with one step's offered rate. Past saturation either the answers
 * slow down without bound (requests queue in front of intake) or the work behind the answers
 * piles up (consumer lag, outbox backlog), so a step counts as sustained only when neither
 * happened and nothing was lost:
 * <ul>
 *   <li>at most 0.1% of the due requests failed or were shed;</li>
 *   <li>intake accepted at least 95% of the offered rate;</li>
 *   <li>submit p99 stayed under a second;</li>
 *   <li>the backlog did not grow: over the step's second half it rose by less than 1% of the
 *       offered rate per second, or never held more than a second's worth of leads. The backlog is
 *       counted in events (records and outbox rows), so both bounds are in events too: a lead's worth
 *       is the records the consumers read per lead during the step ({@link Step#eventsPerLead}, about
 *       thirty today). Compared with leads as such, a backlog of 41 events at 20 leads/s (the work of
 *       a tenth of a second) had counted as a second's worth, and its wobble as growth;</li>
 *   <li>at least 99.9% of the accepted leads reached every stage before the drain deadline.</li>
 * </ul>
 */
final class SaturationRule {

  static final double MAX_LOSS = 0.001;
  static final double MIN_ACHIEVED = 0.95;
  static final double MAX_SUBMIT_P99_MS = 1_000;
  static final double MAX_BACKLOG_GROWTH = 0.01;
  static final double MIN_COMPLETE = 0.999;

  /**
   * What the rule looks at, from one step.
   *
   * @param eventsPerLead records the consumers read per lead accepted in the step (at least 1: unknown, or
   *     a stack whose consumers read nothing, counts each lead as one event)
   */
  record Step(int offeredPerSecond, double stepSeconds, long due, long accepted, long failedOrShed,
      double submitP99Ms, BenchmarkResult.Backlog backlog, long completeLeads, double eventsPerLead) {

    Step {
      eventsPerLead = Double.isFinite(eventsPerLead) ? Math.max(1, eventsPerLead) : 1;
    }
  }

  /** Records read per lead from the consumers' committed offsets at the step's start and end; 1 when unknown. */
  static double eventsPerLead(long consumedAtStart, long consumedAtEnd, long accepted) {
    if (consumedAtStart < 0 || consumedAtEnd < consumedAtStart || accepted <= 0) {
      return 1;
    }
    return Math.max(1, (double) (consumedAtEnd - consumedAtStart) / accepted);
  }

  /** @return empty when sustained; otherwise each reason, in words */
  static List<String> violations(Step step) {
    List<String> reasons = new ArrayList<>();
    if (step.failedOrShed() > MAX_LOSS * step.due()) {
      reasons.add(String.format("%d of %d requests failed or were shed (more than %.1f%%)",
          step.failedOrShed(), step.due(), MAX_LOSS * 100));
    }
    double achieved = step.accepted() / step.stepSeconds();
    if (achieved < MIN_ACHIEVED * step.offeredPerSecond()) {
      reasons.add(String.format("intake accepted %.0f leads/s of %d offered", achieved, step.offeredPerSecond()));
    }
    if (!(step.submitP99Ms() < MAX_SUBMIT_P99_MS)) {
      reasons.add(String.format("submit p99 %.0f ms (a second or more: requests queue)", step.submitP99Ms()));
    }
    if (backlogGrows(step.offeredPerSecond(), step.backlog(), step.eventsPerLead())) {
      reasons.add(String.format("backlog grew by %.0f events/s over the step's second half (%d waiting at the end; "
              + "a lead is %.0f events)", step.backlog().slopePerSecond(), step.backlog().atEnd(), step.eventsPerLead()));
    }
    if (step.completeLeads() < MIN_COMPLETE * step.accepted()) {
      reasons.add(String.format("%d of %d accepted leads reached every stage before the drain deadline",
          step.completeLeads(), step.accepted()));
    }
    return reasons;
  }

  static boolean backlogGrows(int offeredPerSecond, BenchmarkResult.Backlog backlog, double eventsPerLead) {
    double secondsWorth = offeredPerSecond * eventsPerLead;
    return backlog.slopePerSecond() > MAX_BACKLOG_GROWTH * secondsWorth && backlog.secondHalfMax() > secondsWorth;
  }

  private SaturationRule() {}
}
