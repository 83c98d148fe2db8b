package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesOfAUniformSpreadAreWhereTheyShouldBe() {
    Histogram micros = LatencySummary.microsHistogram();
    for (long us = 1; us <= 10_000; us++) {
      LatencySummary.record(micros, us);
    }

    LatencySummary summary = LatencySummary.ofMicros(micros);

    assertThat(summary.count()).isEqualTo(10_000);
    // 3 significant digits: within 0.1% of the exact answers 5, 9, 9.9, 9.99 and 10 ms
    assertThat(summary.p50()).isCloseTo(5.0, within(0.01));
    assertThat(summary.p90()).isCloseTo(9.0, within(0.01));
    assertThat(summary.p99()).isCloseTo(9.9, within(0.01));
    assertThat(summary.p999()).isCloseTo(9.99, within(0.01));
    assertThat(summary.max()).isCloseTo(10.0, within(0.01));
    assertThat(summary.mean()).isCloseTo(5.0005, within(0.01));
  }

  @Test
  void aFewSlowAnswersShowInTheTailNotInTheMedian() {
    Histogram micros = LatencySummary.microsHistogram();
    for (int i = 0; i < 990; i++) {
      LatencySummary.record(micros, 2_000);
    }
    for (int i = 0; i < 10; i++) {
      LatencySummary.record(micros, 800_000);
    }

    LatencySummary summary = LatencySummary.ofMicros(micros);

    assertThat(summary.p50()).isCloseTo(2.0, within(0.01));
    assertThat(summary.p99()).isCloseTo(2.0, within(0.01));
    assertThat(summary.p999()).isCloseTo(800.0, within(1.0));
    assertThat(summary.max()).isCloseTo(800.0, within(1.0));
  }

  @Test
  void valuesOutsideTheRangeAreClampedNotLost() {
    Histogram micros = LatencySummary.microsHistogram();
    LatencySummary.record(micros, -3);
    LatencySummary.record(micros, 10_000_000_000L);

    LatencySummary summary = LatencySummary.ofMicros(micros);

    assertThat(summary.count()).isEqualTo(2);
    assertThat(summary.p50()).isCloseTo(0.001, within(0.001));
    assertThat(summary.max()).isCloseTo(3_600_000.0, within(3_600.0));
  }

  @Test
  void anEmptyHistogramHasNoPercentiles() {
    LatencySummary summary = LatencySummary.ofMicros(LatencySummary.microsHistogram());

    assertThat(summary.count()).isZero();
    assertThat(summary.p99()).isNaN();
  }
}
