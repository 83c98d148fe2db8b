package com.leadflow.benchmark;

/** The numbers the backbone issue asks one machine to reach; the report checks the run against them. */
final class Targets {

  /** Leads per second the stack must carry, for at least {@link #SUSTAINED_SECONDS}, with no growing lag. */
  static final int SUSTAINED_RATE = 300;
  static final int SUSTAINED_SECONDS = 60;

  /** Milliseconds of CPU per completed lead, all processes but the generator, at the highest sustained step. */
  static final double CPU_MS_PER_LEAD = 5;

  /** The offered rate the latency targets hold at. */
  static final int LATENCY_RATE = 100;
  static final double SUBMIT_P99_MS = 30;
  /** For submit→each stage alike. */
  static final double STAGE_P99_MS = 250;

  /** At a low rate nothing may be slower than before the backbone's rework. */
  static final int LOW_RATE = 10;
  static final double LOW_RATE_STAGE_P50_MS = 60;

  /** The burst: twice the highest sustained rate for this long, then half of it for as long. */
  static final int BURST_SECONDS = 60;
  static final double BURST_SUBMIT_P99_MS = 1_000;
  /** After the burst ends, every lead of it has all its stages within this. */
  static final double BURST_DRAIN_SECONDS = 60;

  /** What the generator may cost per request, so it does not take the cores it measures. */
  static final double GENERATOR_CPU_MICROS_PER_REQUEST = 300;

  /**
   * A percentile over the leads that got an answer says nothing about those that did not: once
   * more than this share is missing, the true p99 lies beyond everything measured.
   */
  static final double MISSING_SHARE_FOR_P99 = 0.01;

  private Targets() {}
}
