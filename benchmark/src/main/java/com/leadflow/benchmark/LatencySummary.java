package com.leadflow.benchmark;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, read from a histogram of microseconds. Percentiles are
 * HdrHistogram's: the smallest recorded value that at least that share of all values is at or
 * below, to the histogram's 3 significant digits.
 */
record LatencySummary(long count, double p50, double p90, double p99, double p999, double max, double mean) {

  static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN);

  /** A histogram for latencies in microseconds, from 1 µs to an hour, 3 significant digits. */
  static Histogram microsHistogram() {
    return new Histogram(1, 3_600_000_000L, 3);
  }

  static LatencySummary ofMicros(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(micros.getTotalCount(),
        ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
        ms(micros.getMaxValue()), micros.getMean() / 1000.0);
  }

  /**
   * Records one latency, clamped into the histogram's range: a value a few microseconds below zero
   * can only come from clock granularity, and anything beyond an hour is an hour.
   */
  static void record(Histogram micros, long latencyMicros) {
    micros.recordValue(Math.max(1, Math.min(latencyMicros, micros.getHighestTrackableValue())));
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
