package com.leadflow.benchmark;

import com.leadflow.benchmark.BenchmarkResult.Backlog;
import com.leadflow.benchmark.BenchmarkResult.Burst;
import com.leadflow.benchmark.BenchmarkResult.EndToEnd;
import com.leadflow.benchmark.BenchmarkResult.KafkaBaseline;
import com.leadflow.benchmark.BenchmarkResult.Machine;
import com.leadflow.benchmark.BenchmarkResult.ProcessUsage;
import com.leadflow.benchmark.BenchmarkResult.ProducerRun;
import com.leadflow.benchmark.BenchmarkResult.Settings;
import com.leadflow.benchmark.BenchmarkResult.StepResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a run as results.md for someone deciding what one machine carries: the targets first,
 * checked against what was measured, then the numbers behind them, then Kafka alone for scale.
 */
final class ResultsMarkdown {

  /** Missing or unmeasurable, in every table. */
  static final String NONE = "—";

  /** The stages a lead goes through after submit, in the order the tables show them. */
  private static final List<String> STAGES = List.of("review", "insurance", "match");

  private static final double MIB = 1024.0 * 1024.0;
  private static final double GIB = MIB * 1024.0;

  private ResultsMarkdown() {}

  static String render(BenchmarkResult result) {
    StringBuilder md = new StringBuilder();
    List<StepResult> steps = orEmpty(result.steps());
    md.append("# leadflow benchmark, ").append(date(result.startedAt())).append("\n\n");
    md.append("Started ").append(startedAt(result.startedAt())).append(". The whole stack (broker, registry, ")
        .append("services, PostgreSQL) and the load generator share one machine; latencies are in milliseconds, ")
        .append("measured from the moment each request was due, so a slow answer cannot hide the requests ")
        .append("queued behind it.\n\n");
    machineAndSettings(md, result.machine(), result.settings());
    headline(md, result, steps);
    stepTable(md, steps);
    stepDetails(md, steps);
    burstDetails(md, result.burst());
    processTable(md, steps);
    kafka(md, result, steps);
    notes(md, orEmpty(result.notes()));
    md.append("## Plots\n\n")
        .append("![Latency against offered rate](").append(Plots.LATENCY_VS_RATE).append(")\n\n")
        .append("![Throughput and backlog over the run](").append(Plots.TIMELINE).append(")\n");
    return md.toString();
  }

  private static void machineAndSettings(StringBuilder md, Machine machine, Settings settings) {
    md.append("## Machine and settings\n\n| | |\n|---|---|\n");
    if (machine != null) {
      row(md, "CPU", text(machine.cpuModel()) + ", " + machine.cores() + " cores");
      row(md, "Memory", String.format(Locale.US, "%.1f GiB", machine.memoryBytes() / GIB));
      row(md, "OS", text(machine.os()));
      row(md, "Java", text(machine.java()));
    }
    if (settings != null) {
      row(md, "Offered rates", orEmpty(settings.rates()).stream().map(ResultsMarkdown::count)
          .collect(Collectors.joining(", ")) + " leads/s");
      row(md, "Step length", settings.stepSeconds() + " s per rate");
      row(md, "Warm-up", settings.warmupSeconds() > 0
          ? settings.warmupSeconds() + " s, and " + Run.SETTLE.toSeconds() + " s more after Kafka's tools" : "none");
      row(md, "Burst", settings.burstSeconds() > 0 ? settings.burstSeconds()
          + " s at twice the highest sustained rate, then as long at half of it" : "none");
      row(md, "Requests in flight", "at most " + count(settings.maxInFlight()) + "; more are shed, not queued");
      row(md, "Lead mix", text(settings.leadMix()));
      row(md, "Database", text(settings.database()));
      List<String> opts = orEmpty(settings.serviceJavaOpts());
      row(md, "Service JVM options", opts.isEmpty() ? NONE : "`" + String.join(" ", opts) + "`");
    }
    md.append('\n');
  }

  private static void headline(StringBuilder md, BenchmarkResult result, List<StepResult> steps) {
    md.append("## Headline\n\n");
    Integer sustained = result.sustainedPerSecond();
    md.append("- **Highest sustained rate: ")
        .append(sustained == null ? "none of the offered rates" : count(sustained) + " leads/s").append("**");
    if (!steps.isEmpty()) {
      md.append(" (offered: ").append(steps.stream().map(s -> count(s.offeredPerSecond()))
          .collect(Collectors.joining(", "))).append(" leads/s)");
    }
    md.append('\n');

    Optional<StepResult> atTarget = step(steps, Targets.SUSTAINED_RATE);
    md.append("- ").append(count(Targets.SUSTAINED_RATE)).append(" leads/s sustained for ")
        .append(Targets.SUSTAINED_SECONDS).append(" s with no growing lag — ")
        .append(sustainedTarget(atTarget, result)).append('\n');
    atTarget.ifPresent(s -> orEmpty(s.verdict()).forEach(line -> md.append("  - ").append(line).append('\n')));

    cpuTarget(md, result, steps);

    Optional<StepResult> atLatency = step(steps, Targets.LATENCY_RATE);
    md.append("- At ").append(count(Targets.LATENCY_RATE)).append(" leads/s")
        .append(atLatency.filter(s -> !s.sustained()).isPresent() ? " (a step the stack did not sustain)" : "")
        .append(":\n");
    String notMeasured = notReached(result, Targets.LATENCY_RATE);
    md.append("  - submit p99 < ").append(limit(Targets.SUBMIT_P99_MS)).append(" ms — ")
        .append(atLatency.map(s -> latencyTarget(s.submit(), s.due(), Targets.SUBMIT_P99_MS, "202 answer"))
            .orElse(notMeasured)).append('\n');
    for (String stage : STAGES) {
      md.append("  - submit→").append(STAGE_NAMES.get(stage)).append(" p99 < ").append(limit(Targets.STAGE_P99_MS))
          .append(" ms — ")
          .append(atLatency.map(s -> latencyTarget(stage(s, stage), s.accepted(), Targets.STAGE_P99_MS,
              STAGE_NAMES.get(stage))).orElse(notMeasured)).append('\n');
    }
    md.append("- At ").append(count(Targets.LOW_RATE)).append(" leads/s, each stage p50 ≤ ")
        .append(limit(Targets.LOW_RATE_STAGE_P50_MS)).append(" ms — ")
        .append(step(steps, Targets.LOW_RATE).map(ResultsMarkdown::lowRateTarget)
            .orElse("not measured: no " + count(Targets.LOW_RATE) + "/s step")).append('\n');
    burstTarget(md, result.burst());
    generatorTarget(md, steps);
    md.append('\n');
  }

  private static final Map<String, String> STAGE_NAMES = Map.of(
      "review", "review status", "insurance", "insurance result", "match", "match answer");

  /** CPU per lead at the highest sustained step: what the machine's cores buy. */
  private static void cpuTarget(StringBuilder md, BenchmarkResult result, List<StepResult> steps) {
    md.append("- ≤ ").append(limit(Targets.CPU_MS_PER_LEAD)).append(" ms of CPU per lead at the highest sustained ")
        .append("step — ");
    Integer best = result.sustainedPerSecond();
    Optional<StepResult> at = best == null ? Optional.empty() : step(steps, best);
    if (at.isEmpty() || !Double.isFinite(at.get().cpuMillisPerLead())) {
      md.append("not measured: ").append(best == null ? "no rate was sustained" : "no CPU reading").append('\n');
      return;
    }
    double cpu = at.get().cpuMillisPerLead();
    md.append(cpu <= Targets.CPU_MS_PER_LEAD ? "met: " : "missed: ").append(ms(cpu)).append(" ms at ")
        .append(count(best)).append(" leads/s, ").append(ratio(cpu / Targets.CPU_MS_PER_LEAD))
        .append(" the target (every process but the generator)\n");
  }

  static String lowRateTarget(StepResult step) {
    List<String> parts = new ArrayList<>();
    boolean met = true;
    for (String stage : STAGES) {
      LatencySummary summary = stage(step, stage);
      if (summary == null || summary.count() == 0 || !Double.isFinite(summary.p50())) {
        return "not measured: no " + STAGE_NAMES.get(stage) + " recorded";
      }
      met &= summary.p50() <= Targets.LOW_RATE_STAGE_P50_MS;
      parts.add(stage + " " + ms(summary.p50()) + " ms");
    }
    return (met ? "met: " : "missed: ") + String.join(", ", parts);
  }

  private static void burstTarget(StringBuilder md, Burst burst) {
    md.append("- A burst (twice the highest sustained rate for ").append(Targets.BURST_SECONDS)
        .append(" s, then half of it) does not topple it — ");
    if (burst == null) {
      md.append("not run: no rate was sustained, or the run asked for none\n");
      return;
    }
    md.append(burst.passed() ? "passed" : "failed").append(": ").append(count(burst.burstPerSecond()))
        .append(" leads/s, submit p99 ").append(ms(orEmpty(burst.submit()).p99())).append(" ms, ")
        .append(count(burst.failed() + burst.shed())).append(" failed or shed, every stage ")
        .append(Double.isFinite(burst.drainSeconds())
            ? String.format(Locale.US, "%.1f s", burst.drainSeconds()) + " after it" : "never reached by all")
        .append(", ").append(burst.deadLettersAdded() < 0 ? "dead letters unknown"
            : count(burst.deadLettersAdded()) + " dead letters").append('\n');
    orEmpty(burst.verdict()).forEach(line -> md.append("  - ").append(line).append('\n'));
  }

  private static void generatorTarget(StringBuilder md, List<StepResult> steps) {
    OptionalDouble worst = steps.stream().mapToDouble(StepResult::generatorCpuMicrosPerRequest)
        .filter(Double::isFinite).max();
    md.append("- The generator under ").append(limit(Targets.GENERATOR_CPU_MICROS_PER_REQUEST))
        .append(" µs of CPU per request — ");
    if (worst.isEmpty()) {
      md.append("not measured\n");
      return;
    }
    md.append(worst.getAsDouble() < Targets.GENERATOR_CPU_MICROS_PER_REQUEST ? "met: " : "missed: ")
        .append("at most ").append(ms(worst.getAsDouble())).append(" µs in any step\n");
  }

  /**
   * No step ran at the target's rate. If the run stopped below it because the stack no longer kept
   * up, the target is missed, and by how much is the highest sustained rate against it.
   */
  static String notReached(BenchmarkResult result, int targetRate) {
    List<StepResult> steps = orEmpty(result.steps());
    Optional<StepResult> stopped = steps.stream().filter(s -> !s.sustained()).findFirst();
    if (stopped.isEmpty() || stopped.get().offeredPerSecond() > targetRate) {
      return "not measured: no " + count(targetRate) + "/s step";
    }
    Integer best = result.sustainedPerSecond();
    return "missed: the stack stopped keeping up at " + count(stopped.get().offeredPerSecond()) + " leads/s, "
        + (best == null ? "no rate was sustained"
            : "highest sustained rate " + count(best) + "/s, " + ratio(best / (double) targetRate) + " the target's rate");
  }

  /** Met only if the step held and lasted as long as the target asks; a shorter step proves less. */
  private static String sustainedTarget(Optional<StepResult> found, BenchmarkResult result) {
    if (found.isEmpty()) {
      return notReached(result, Targets.SUSTAINED_RATE);
    }
    StepResult step = found.get();
    Backlog backlog = step.backlog();
    String measured = "achieved " + rate(step.achievedPerSecond()) + "/s"
        + (backlog == null ? "" : ", backlog " + count(backlog.atEnd()) + " at the end, "
            + slope(backlog.slopePerSecond()) + " over the second half");
    int stepSeconds = result.settings() == null ? 0 : result.settings().stepSeconds();
    if (step.sustained() && stepSeconds >= Targets.SUSTAINED_SECONDS) {
      return "met: " + measured;
    }
    if (step.sustained()) {
      return "not shown: sustained, but for a " + stepSeconds + " s step, not " + Targets.SUSTAINED_SECONDS
          + " s: " + measured;
    }
    Integer best = result.sustainedPerSecond();
    return "missed: " + measured + "; "
        + (best == null ? "no rate was sustained"
            : "highest sustained rate " + count(best) + "/s, "
                + ratio(best / (double) Targets.SUSTAINED_RATE) + " the target");
  }

  /**
   * "p99 below the limit", judged on every lead that should have an answer: if more than 1% have
   * none, their latency is beyond anything measured and so is the true p99.
   */
  static String latencyTarget(LatencySummary measured, long expected, double limitMs, String answer) {
    if (measured == null || measured.count() == 0 || !Double.isFinite(measured.p99())) {
      return "not measured: no " + answer + " recorded";
    }
    long missing = Math.max(0, expected - measured.count());
    double missingShare = expected > 0 ? missing / (double) expected : 0;
    if (missingShare > Targets.MISSING_SHARE_FOR_P99) {
      return "missed: " + count(missing) + " of " + count(expected) + " leads ("
          + String.format(Locale.US, "%.1f%%", 100 * missingShare) + ") got no " + answer
          + ", so the p99 lies beyond everything measured (p99 of the rest " + ms(measured.p99()) + " ms)";
    }
    String verdict = (measured.p99() < limitMs ? "met: " : "missed: ") + ms(measured.p99()) + " ms, "
        + ratio(measured.p99() / limitMs) + " the target";
    return missing == 0 ? verdict
        : verdict + " (" + count(missing) + " of " + count(expected) + " leads got no " + answer
            + " and are not in it)";
  }

  private static void stepTable(StringBuilder md, List<StepResult> steps) {
    md.append("## Steps\n\n")
        .append("Latencies in ms. Review, insurance and match run from the request's due time to when intake ")
        .append("recorded the stage. Backlog is consumer lag plus events waiting in the services' outboxes; ")
        .append("its slope is the growth over the second half of the step, judged against a lead's worth of events (the records the consumers read per lead in that step). CPU per lead is every process but ")
        .append("the generator, from the step's start until its leads had every stage, per lead that did; ")
        .append("\"of it JIT\" is the part the JVMs' just-in-time compiler threads spent, which a long-running ")
        .append("service pays once rather than per lead; the generator's is its own threads' CPU per request it sent.\n\n")
        .append("| offered/s | achieved/s | submit p50 | submit p90 | submit p99 | submit p99.9 ")
        .append("| review p50 | review p99 | insurance p50 | insurance p99 | match p50 | match p99 ")
        .append("| failed + shed | backlog at end | backlog slope | CPU ms/lead | of it JIT | generator µs/req | sustained |\n")
        .append("|---:".repeat(18)).append("|:---:|\n");
    for (StepResult step : steps) {
      LatencySummary submit = orEmpty(step.submit());
      List<String> cells = new ArrayList<>(List.of(count(step.offeredPerSecond()), rate(step.achievedPerSecond()),
          ms(submit.p50()), ms(submit.p90()), ms(submit.p99()), ms(submit.p999())));
      for (String stage : STAGES) {
        LatencySummary summary = orEmpty(stage(step, stage));
        cells.add(ms(summary.p50()));
        cells.add(ms(summary.p99()));
      }
      cells.add(count(step.failed()) + " + " + count(step.shed()));
      Backlog backlog = step.backlog();
      cells.add(backlog == null ? NONE : count(backlog.atEnd()));
      cells.add(backlog == null ? NONE : slope(backlog.slopePerSecond()));
      cells.add(ms(step.cpuMillisPerLead()));
      cells.add(ms(step.compilerCpuMillisPerLead()));
      cells.add(ms(step.generatorCpuMicrosPerRequest()));
      cells.add(step.sustained() ? "✓" : "✗");
      md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    md.append('\n');
  }

  /** What the table has no room for: why each step was judged as it was, and what failed. */
  private static void stepDetails(StringBuilder md, List<StepResult> steps) {
    for (StepResult step : steps) {
      md.append("- **").append(count(step.offeredPerSecond())).append("/s ").append(step.sustained() ? "✓" : "✗")
          .append("**: accepted ").append(count(step.accepted())).append(" of ").append(count(step.due()))
          .append(", all three stages reached by ").append(count(step.completeLeads()))
          .append(" within ").append(String.format(Locale.US, "%.1f", step.drainSeconds()))
          .append(" s of the last request; the generator was at most ").append(ms(step.maxSendLateMillis()))
          .append(" ms late sending");
      Map<String, Long> failures = orEmpty(step.failures());
      if (!failures.isEmpty()) {
        md.append("; failures: ").append(failures.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> e.getKey() + " ×" + count(e.getValue())).collect(Collectors.joining(", ")));
      }
      md.append('\n');
      orEmpty(step.verdict()).forEach(line -> md.append("  - ").append(line).append('\n'));
    }
    if (!steps.isEmpty()) {
      md.append('\n');
    }
  }

  private static void burstDetails(StringBuilder md, Burst burst) {
    if (burst == null) {
      return;
    }
    LatencySummary submit = orEmpty(burst.submit());
    LatencySummary after = orEmpty(burst.afterSubmit());
    md.append("## Burst\n\n")
        .append(count(burst.burstPerSecond())).append(" leads/s for ").append(burst.seconds()).append(" s, then ")
        .append(count(burst.afterPerSecond())).append(" leads/s for as long. Accepted ").append(count(burst.accepted()))
        .append(" of ").append(count(burst.due())).append(" burst requests (").append(count(burst.failed()))
        .append(" failed, ").append(count(burst.shed())).append(" shed); submit p50 / p99 / p99.9 ")
        .append(ms(submit.p50())).append(" / ").append(ms(submit.p99())).append(" / ").append(ms(submit.p999()))
        .append(" ms during the burst, ").append(ms(after.p50())).append(" / ").append(ms(after.p99()))
        .append(" / ").append(ms(after.p999())).append(" ms after it. The burst's leads to each stage (ms): ");
    List<String> parts = new ArrayList<>();
    for (String stage : STAGES) {
      LatencySummary summary = orEmpty(orEmpty(burst.stages()).get(stage));
      parts.add(stage + " p50 " + ms(summary.p50()) + ", p99 " + ms(summary.p99()));
    }
    md.append(String.join("; ", parts)).append(". ").append(count(burst.completeLeads())).append(" of ")
        .append(count(burst.leads())).append(" leads reached every stage; the backlog peaked at ")
        .append(count(burst.backlogMax())).append(".\n\n");
  }

  private static void processTable(StringBuilder md, List<StepResult> steps) {
    Set<String> names = new LinkedHashSet<>();
    steps.forEach(step -> names.addAll(orEmpty(step.processes()).keySet()));
    if (names.isEmpty()) {
      return;
    }
    md.append("## Processes\n\nCPU cores (average over the step; 1.0 = one core busy) / largest RSS in MiB.\n\n")
        .append("| offered/s | ").append(String.join(" | ", names)).append(" |\n")
        .append("|---:".repeat(names.size() + 1)).append("|\n");
    for (StepResult step : steps) {
      Map<String, ProcessUsage> processes = orEmpty(step.processes());
      md.append("| ").append(count(step.offeredPerSecond()));
      for (String name : names) {
        ProcessUsage usage = processes.get(name);
        md.append(" | ").append(usage == null ? NONE
            : String.format(Locale.US, "%.2f / %,.0f", usage.cpuCores(), usage.rssMaxBytes() / MIB));
      }
      md.append(" |\n");
    }
    md.append('\n');
  }

  private static void kafka(StringBuilder md, BenchmarkResult result, List<StepResult> steps) {
    md.append("## Kafka alone\n\n");
    KafkaBaseline kafka = result.kafka();
    if (kafka == null) {
      md.append("Not measured.\n\n");
      return;
    }
    md.append("Kafka's own perf tools on the same broker and machine, ").append(count(kafka.recordBytes()))
        .append("-byte records.").append(sentence(kafka.note())).append("\n\n");
    List<ProducerRun> producer = orEmpty(kafka.producer());
    if (!producer.isEmpty()) {
      md.append("Producer (latencies in ms):\n\n")
          .append("| target/s | records | records/s | MB/s | avg | p50 | p95 | p99 | p99.9 | max |\n")
          .append("|---:".repeat(10)).append("|\n");
      for (ProducerRun run : producer) {
        md.append("| ").append(run.targetPerSecond() == null ? "max" : count(run.targetPerSecond()))
            .append(" | ").append(count(run.records()))
            .append(" | ").append(rate(run.recordsPerSecond()))
            .append(" | ").append(Double.isFinite(run.mbPerSecond())
                ? String.format(Locale.US, "%.2f", run.mbPerSecond()) : NONE)
            .append(" | ").append(String.join(" | ", ms(run.avgMs()), ms(run.p50Ms()), ms(run.p95Ms()),
                ms(run.p99Ms()), ms(run.p999Ms()), ms(run.maxMs())))
            .append(" |\n");
      }
      md.append('\n');
    }
    EndToEnd e2e = kafka.endToEnd();
    if (e2e != null) {
      md.append("End to end, one record at a time, produced with acks=all until consumed (ms):\n\n")
          .append("| records | avg | p50 | p99 | p99.9 |\n|---:|---:|---:|---:|---:|\n")
          .append("| ").append(String.join(" | ", count(e2e.records()), ms(e2e.avgMs()), ms(e2e.p50Ms()),
              ms(e2e.p99Ms()), ms(e2e.p999Ms()))).append(" |\n\n");
    }
    md.append("Compared with leadflow:\n\n");
    Optional<ProducerRun> fastest = producer.stream()
        .filter(run -> run.targetPerSecond() == null && Double.isFinite(run.recordsPerSecond()))
        .findFirst()
        .or(() -> producer.stream().filter(run -> Double.isFinite(run.recordsPerSecond()))
            .max(Comparator.comparingDouble(ProducerRun::recordsPerSecond)));
    Integer sustained = result.sustainedPerSecond();
    if (sustained != null && fastest.isPresent() && fastest.get().recordsPerSecond() > 0) {
      double records = fastest.get().recordsPerSecond();
      md.append("- throughput: ").append(count(sustained)).append(" leads/s sustained ÷ ").append(rate(records))
          .append(" records/s from Kafka's producer at full speed = ").append(ratio(sustained / records))
          .append(" (each lead is several events on the broker, so this is scale, not a like-for-like ratio)\n");
    } else {
      md.append("- throughput: ").append(NONE).append(" (")
          .append(sustained == null ? "no rate was sustained" : "no producer run").append(")\n");
    }
    Optional<StepResult> compared = steps.stream()
        .filter(s -> s.sustained() && s.offeredPerSecond() <= Targets.LATENCY_RATE)
        .max(Comparator.comparingInt(StepResult::offeredPerSecond));
    if (compared.isEmpty() || e2e == null || !(e2e.p99Ms() > 0)) {
      md.append("- latency: ").append(NONE).append(" (")
          .append(e2e == null || !(e2e.p99Ms() > 0) ? "no end-to-end p99 from Kafka"
              : "no sustained step at or below " + count(Targets.LATENCY_RATE) + "/s")
          .append(")\n");
    } else {
      StepResult step = compared.get();
      md.append("- latency at ").append(count(step.offeredPerSecond())).append("/s, each stage's p99 ÷ Kafka's ")
          .append("end-to-end p99 (").append(ms(e2e.p99Ms())).append(" ms):\n");
      for (String stage : STAGES) {
        double p99 = orEmpty(stage(step, stage)).p99();
        md.append("  - ").append(stage).append(": ").append(ms(p99)).append(" ms = ")
            .append(Double.isFinite(p99) ? ratio(p99 / e2e.p99Ms()) : NONE).append('\n');
      }
    }
    md.append('\n');
  }

  private static void notes(StringBuilder md, List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    md.append("## Notes\n\n");
    notes.forEach(note -> md.append("- ").append(note).append('\n'));
    md.append('\n');
  }

  private static Optional<StepResult> step(List<StepResult> steps, int offeredPerSecond) {
    return steps.stream().filter(s -> s.offeredPerSecond() == offeredPerSecond).findFirst();
  }

  private static LatencySummary stage(StepResult step, String name) {
    return orEmpty(step.stages()).get(name);
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  /** Milliseconds: a decimal where it matters (below 100), whole numbers above. */
  static String ms(double millis) {
    if (!Double.isFinite(millis)) {
      return NONE;
    }
    // decide on the rounded value, so 99.96 becomes "100", not "100.0"
    return Math.abs(Math.round(millis * 10) / 10.0) < 100 ? String.format(Locale.US, "%.1f", millis)
        : String.format(Locale.US, "%,.0f", millis);
  }

  /** A target as the issue states it: "20", "250". */
  static String limit(double millis) {
    return String.format(Locale.US, "%,.0f", millis);
  }

  static String rate(double perSecond) {
    return Double.isFinite(perSecond) ? String.format(Locale.US, "%,.1f", perSecond) : NONE;
  }

  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  private static String slope(double perSecond) {
    return Double.isFinite(perSecond) ? String.format(Locale.US, "%+,.1f/s", perSecond) : NONE;
  }

  /** "1.6×", "0.62×", "0.012×", "85×": two significant digits, since more would be noise. */
  static String ratio(double value) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    if (value >= 10) {
      return String.format(Locale.US, "%,.0f×", value);
    }
    if (value >= 1 || value == 0) {
      return String.format(Locale.US, "%.1f×", value);
    }
    int decimals = 1 - (int) Math.floor(Math.log10(value));
    return String.format(Locale.US, "%." + decimals + "f×", value);
  }

  /** The day the run started, for the title; the raw text if it is not an ISO timestamp. */
  private static String date(String startedAt) {
    return parse(startedAt).map(t -> t.toLocalDate().toString()).orElse(text(startedAt));
  }

  private static String startedAt(String startedAt) {
    return parse(startedAt).map(t -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")))
        .orElse(text(startedAt));
  }

  private static Optional<OffsetDateTime> parse(String timestamp) {
    if (timestamp == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(timestamp).atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Optional.of(OffsetDateTime.parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notAnOffsetTime) {
        return Optional.empty();
      }
    }
  }

  /** A free-text note after a sentence of ours: its own sentence, ending in a full stop. */
  private static String sentence(String note) {
    if (note == null || note.isBlank()) {
      return "";
    }
    String trimmed = note.strip();
    return " " + trimmed + (trimmed.matches(".*[.!?)]$") ? "" : ".");
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? NONE : value;
  }

  private static LatencySummary orEmpty(LatencySummary summary) {
    return summary == null ? LatencySummary.EMPTY : summary;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
