package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SaturationRuleTest {

  private static final BenchmarkResult.Backlog STEADY = new BenchmarkResult.Backlog(300, 320, 250, 0.4);

  private static SaturationRule.Step step(long accepted, long failedOrShed, double submitP99, BenchmarkResult.Backlog backlog,
      long complete) {
    return new SaturationRule.Step(500, 60, 30_000, accepted, failedOrShed, submitP99, backlog, complete, 1);
  }

  @Test
  void aStepThatKeptUpIsSustained() {
    assertThat(SaturationRule.violations(step(30_000, 0, 14.0, STEADY, 30_000))).isEmpty();
  }

  @Test
  void aFewFailuresWithinATenthOfAPercentAreTolerated() {
    assertThat(SaturationRule.violations(step(29_970, 30, 14.0, STEADY, 29_970))).isEmpty();
    assertThat(SaturationRule.violations(step(29_960, 40, 14.0, STEADY, 29_960)))
        .singleElement().asString().contains("40 of 30000 requests failed or were shed");
  }

  @Test
  void answersThatTakeASecondMeanRequestsAreQueueing() {
    assertThat(SaturationRule.violations(step(30_000, 0, 1_250.0, STEADY, 30_000)))
        .singleElement().asString().contains("submit p99 1250 ms");
  }

  @Test
  void aBacklogGrowingThroughTheSecondHalfIsNotSustained() {
    BenchmarkResult.Backlog growing = new BenchmarkResult.Backlog(2_000, 9_000, 9_000, 230.0);

    List<String> reasons = SaturationRule.violations(step(30_000, 0, 14.0, growing, 30_000));

    assertThat(reasons).singleElement().asString().contains("backlog grew by 230 events/s");
  }

  @Test
  void aSmallBacklogThatWobblesUpwardIsNotGrowthWithoutBound() {
    // rising by 20 events/s, but never more than half a second's leads waiting
    BenchmarkResult.Backlog small = new BenchmarkResult.Backlog(100, 240, 240, 20.0);

    assertThat(SaturationRule.backlogGrows(500, small, 1)).isFalse();
    assertThat(SaturationRule.violations(step(30_000, 0, 14.0, small, 30_000))).isEmpty();
  }

  @Test
  void theBoundsAreALeadsWorthOfEventsNotOneEventPerLead() {
    // 20 leads/s, each making the consumers read 30 records: 41 events waiting is a tenth of a second's work
    BenchmarkResult.Backlog wobble = new BenchmarkResult.Backlog(35, 41, 12, 1.2);
    assertThat(SaturationRule.backlogGrows(20, wobble, 1)).as("counted as one event per lead").isTrue();
    assertThat(SaturationRule.backlogGrows(20, wobble, 30)).isFalse();
    assertThat(SaturationRule.violations(new SaturationRule.Step(20, 60, 1_200, 1_200, 0, 40, wobble, 1_200, 30)))
        .isEmpty();

    // growing by 9 events/s with 1,500 waiting (two and a half seconds' work) at 20 leads/s of 30 events is growth
    BenchmarkResult.Backlog piling = new BenchmarkResult.Backlog(1_000, 1_500, 1_500, 9.0);
    assertThat(SaturationRule.violations(new SaturationRule.Step(20, 60, 1_200, 1_200, 0, 40, piling, 1_200, 30)))
        .singleElement().asString().contains("backlog grew by 9 events/s").contains("a lead is 30 events");
  }

  @Test
  void eventsPerLeadComeFromTheCommittedOffsetsAndAreOneWhenUnknown() {
    assertThat(SaturationRule.eventsPerLead(10_000, 46_000, 1_200)).isEqualTo(30.0);
    assertThat(SaturationRule.eventsPerLead(-1, 46_000, 1_200)).isEqualTo(1.0);
    assertThat(SaturationRule.eventsPerLead(10_000, 10_000, 0)).isEqualTo(1.0);
    assertThat(SaturationRule.eventsPerLead(10_000, 9_000, 1_200)).as("offsets reset: unknown").isEqualTo(1.0);
  }

  @Test
  void leadsThatNeverReachedEveryStageCount() {
    assertThat(SaturationRule.violations(step(30_000, 0, 14.0, STEADY, 29_000)))
        .singleElement().asString().contains("29000 of 30000 accepted leads reached every stage");
  }

  @Test
  void everyReasonIsNamedWhenSeveralHold() {
    BenchmarkResult.Backlog growing = new BenchmarkResult.Backlog(2_000, 9_000, 9_000, 230.0);

    List<String> reasons = SaturationRule.violations(step(12_000, 18_000, 9_000.0, growing, 5_000));

    assertThat(reasons).hasSize(5);
    assertThat(reasons.get(1)).contains("intake accepted 200 leads/s of 500 offered");
  }
}
