package com.leadflow.benchmark;

/** The numbers the benchmark issue asks one machine to reach; the report checks the run against them. */
final class Targets {

  /** Leads per second the stack must carry, for at least {@link #SUSTAINED_SECONDS}, with no growing lag. */
  static final int SUSTAINED_RATE = 1000;
  static final int SUSTAINED_SECONDS = 60;

  /** The offered rate the latency targets hold at. */
  static final int LATENCY_RATE = 500;
  static final double SUBMIT_P99_MS = 20;
  /** For submit→insurance result and submit→review alike. */
  static final double STAGE_P99_MS = 250;

  /**
   * A percentile over the leads that got an answer says nothing about those that did not: once
   * more than this share is missing, the true p99 lies beyond everything measured.
   */
  static final double MISSING_SHARE_FOR_P99 = 0.01;

  private Targets() {}
}
