package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogSeriesTest {

  @Test
  void aSteadilyRisingBacklogHasItsSlopeAndItsHalves() {
    List<BacklogSeries.Sample> samples = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      samples.add(new BacklogSeries.Sample(s, 100L * s));
    }

    BenchmarkResult.Backlog backlog = BacklogSeries.of(samples, 60, 6_000);

    assertThat(backlog.slopePerSecond()).isCloseTo(100.0, within(1e-6));
    assertThat(backlog.firstHalfMax()).isEqualTo(2_900);
    assertThat(backlog.secondHalfMax()).isEqualTo(5_900);
    assertThat(backlog.atEnd()).isEqualTo(6_000);
  }

  @Test
  void aBacklogThatRoseEarlyAndHoldsHasNoSlopeInTheSecondHalf() {
    List<BacklogSeries.Sample> samples = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      samples.add(new BacklogSeries.Sample(s, s < 10 ? 50L * s : 500 + (s % 2) * 10));
    }

    BenchmarkResult.Backlog backlog = BacklogSeries.of(samples, 60, 505);

    assertThat(backlog.slopePerSecond()).isCloseTo(0.0, within(0.5));
    assertThat(backlog.secondHalfMax()).isEqualTo(510);
  }

  @Test
  void tooFewSamplesGiveNoSlope() {
    BenchmarkResult.Backlog backlog = BacklogSeries.of(List.of(new BacklogSeries.Sample(40, 900)), 60, 900);

    assertThat(backlog.slopePerSecond()).isZero();
    assertThat(backlog.secondHalfMax()).isEqualTo(900);
    assertThat(backlog.firstHalfMax()).isZero();
  }
}
