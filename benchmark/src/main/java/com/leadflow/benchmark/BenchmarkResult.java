package com.leadflow.benchmark;

import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured, as written to {@code results.json} and rendered into
 * {@code results.md} and the plots. Latencies in milliseconds, sizes in bytes, CPU in cores (1.0 =
 * one core busy all the time).
 *
 * @param sustainedPerSecond the highest offered rate the stack sustained (see {@link SaturationRule}); null if none
 */
record BenchmarkResult(
    String startedAt,
    Machine machine,
    Settings settings,
    KafkaBaseline kafka,
    List<StepResult> steps,
    Integer sustainedPerSecond,
    List<TimelinePoint> timeline,
    List<String> notes,
    Burst burst) {

  /** Where the numbers came from. */
  record Machine(String os, String cpuModel, int cores, long memoryBytes, String java) {}

  /** How the run was set up. */
  record Settings(List<Integer> rates, int stepSeconds, int warmupSeconds, int burstSeconds, int maxInFlight,
      String database,
      List<String> serviceJavaOpts, String leadMix) {}

  /**
   * One fixed offered rate.
   *
   * @param stages end-to-end latency from a lead's due time to when intake recorded each stage:
   *     {@code review} (review's first status), {@code insurance} (the payer's result),
   *     {@code match} (matching's first answer)
   * @param completeLeads accepted leads that reached all three stages before the drain deadline
   * @param drainSeconds how long after the last request until every accepted lead had all stages (or the deadline)
   * @param processes CPU and memory per process while the step ran: kafka, registry, the services, postgres, generator
   * @param cpuMillisPerLead CPU time of every process but the generator, from the step's start until its leads had
   *     every stage (or the drain deadline), divided by the leads that reached every stage
   * @param compilerCpuMillisPerLead the part of {@code cpuMillisPerLead} that the JVMs' JIT compiler threads spent
   * @param generatorCpuMicrosPerRequest CPU time of the generator's own threads per request it sent
   */
  record StepResult(
      int offeredPerSecond,
      double achievedPerSecond,
      long due,
      long accepted,
      long failed,
      long shed,
      Map<String, Long> failures,
      double maxSendLateMillis,
      LatencySummary submit,
      Map<String, LatencySummary> stages,
      long completeLeads,
      double drainSeconds,
      Backlog backlog,
      Map<String, ProcessUsage> processes,
      boolean sustained,
      List<String> verdict,
      double cpuMillisPerLead,
      double compilerCpuMillisPerLead,
      double generatorCpuMicrosPerRequest) {}

  /**
   * Twice the highest sustained rate for a while, then half of it: intake must keep accepting
   * every request, and the pipeline must catch up.
   *
   * @param submit the 202 answers during the burst; {@code afterSubmit} those of the half rate after it
   * @param stages latency of the burst's leads to each stage
   * @param leads accepted leads of the burst and of the half rate after it
   * @param completeLeads those of them that reached every stage before the drain deadline
   * @param drainSeconds from the burst's last request until every lead of the burst had every stage
   * @param backlogMax the largest backlog sampled from the burst's start to the end of the half rate
   * @param deadLettersAdded records that reached any dead-letter topic from the first step to the end of the run
   */
  record Burst(
      int burstPerSecond,
      int afterPerSecond,
      int seconds,
      long due,
      long accepted,
      long failed,
      long shed,
      LatencySummary submit,
      LatencySummary afterSubmit,
      Map<String, LatencySummary> stages,
      long leads,
      long completeLeads,
      double drainSeconds,
      long backlogMax,
      long deadLettersAdded,
      boolean passed,
      List<String> verdict) {}

  /**
   * Work waiting in the pipeline (consumer lag on every group plus events still in the services'
   * outboxes), sampled each second of the step.
   *
   * @param firstHalfMax the largest backlog in the first half of the step
   * @param secondHalfMax the largest backlog in the second half
   * @param atEnd the backlog when the last request had been answered
   * @param slopePerSecond least-squares growth over the second half, events per second
   */
  record Backlog(long firstHalfMax, long secondHalfMax, long atEnd, double slopePerSecond) {}

  /** @param cpuCores average over the step; @param rssMaxBytes largest resident set seen */
  record ProcessUsage(double cpuCores, long rssMaxBytes) {}

  /**
   * One second of the run.
   *
   * @param offeredPerSecond the rate of the step running then, 0 between steps
   * @param stagesRecorded stage results intake recorded in that second (review, insurance, match together)
   */
  record TimelinePoint(long second, int offeredPerSecond, long accepted, long failed, long stagesRecorded,
      long consumerLag, long outboxPending) {}

  /** Kafka alone on the same broker and machine, from its own perf tools. */
  record KafkaBaseline(int recordBytes, List<ProducerRun> producer, EndToEnd endToEnd, String note) {}

  /**
   * kafka-producer-perf-test: {@code targetPerSecond} null means as fast as it goes.
   */
  record ProducerRun(Integer targetPerSecond, long records, double recordsPerSecond, double mbPerSecond,
      double avgMs, double maxMs, double p50Ms, double p95Ms, double p99Ms, double p999Ms) {}

  /** Kafka's EndToEndLatency: one record at a time, produce (acks=all) to consumed. */
  record EndToEnd(long records, double avgMs, double p50Ms, double p99Ms, double p999Ms) {}
}
