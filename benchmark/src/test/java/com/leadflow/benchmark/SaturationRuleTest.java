package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SaturationRuleTest {

  private static final BenchmarkResult.Backlog STEADY = new BenchmarkResult.Backlog(300, 320, 250, 0.4);

  private static SaturationRule.Step step(long accepted, long failedOrShed, double submitP99, BenchmarkResult.Backlog backlog,
      long complete) {
    return new SaturationRule.Step(500, 60, 30_000, accepted, failedOrShed, submitP99, backlog, complete);
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

    assertThat(SaturationRule.backlogGrows(500, small)).isFalse();
    assertThat(SaturationRule.violations(step(30_000, 0, 14.0, small, 30_000))).isEmpty();
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
