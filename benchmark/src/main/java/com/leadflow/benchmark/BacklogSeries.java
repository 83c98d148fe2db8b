package com.leadflow.benchmark;

import java.util.List;

/** Reduces a step's per-second backlog samples to what {@link SaturationRule} judges. */
final class BacklogSeries {

  /** One sample: seconds since the step began, and the events waiting then. */
  record Sample(double second, long waiting) {}

  static BenchmarkResult.Backlog of(List<Sample> samples, double stepSeconds, long atEnd) {
    double middle = stepSeconds / 2;
    long firstHalfMax = 0;
    long secondHalfMax = 0;
    int n = 0;
    double sumX = 0;
    double sumY = 0;
    double sumXy = 0;
    double sumXx = 0;
    for (Sample sample : samples) {
      if (sample.second() < middle) {
        firstHalfMax = Math.max(firstHalfMax, sample.waiting());
      } else if (sample.second() <= stepSeconds) {
        secondHalfMax = Math.max(secondHalfMax, sample.waiting());
        n++;
        sumX += sample.second();
        sumY += sample.waiting();
        sumXy += sample.second() * sample.waiting();
        sumXx += sample.second() * sample.second();
      }
    }
    double denominator = n * sumXx - sumX * sumX;
    double slope = n < 2 || denominator == 0 ? 0 : (n * sumXy - sumX * sumY) / denominator;
    return new BenchmarkResult.Backlog(firstHalfMax, secondHalfMax, atEnd, slope);
  }

  private BacklogSeries() {}
}
