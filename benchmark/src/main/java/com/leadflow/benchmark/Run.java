package com.leadflow.benchmark;

import com.leadflow.localstack.Console;
import com.leadflow.localstack.LaunchOptions;
import com.leadflow.localstack.ServiceSpec;
import com.leadflow.localstack.StackLayout;
import com.leadflow.localstack.StackRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** One benchmark run against a started stack: warm-up, Kafka alone, then the steps. */
final class Run {

  private static final String SUBMITTED_TOPIC = "leads.submitted";
  private static final String BASELINE_TOPIC = "bench.kafka-alone";
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
  /** Unmeasured load after Kafka's tools, before the first step. */
  static final Duration SETTLE = Duration.ofSeconds(30);

  /** One second's reading of the pipeline's backlog. */
  private record BacklogSample(long nanoTime, long second, Backlog.Reading reading) {}

  /** Which rate ran during which seconds of the run. */
  private record Window(int rate, long fromSecond, long toSecond) {}

  private final BenchmarkOptions options;
  private final StackLayout layout;
  private final LaunchOptions launch;
  private final StackRunner stack;
  private final Console console;
  private final String startedAt;
  private final String bootstrap;
  private final WallClock clock = WallClock.anchoredNow();
  private final Instant runStart = Instant.now();
  private final LoadGenerator.Throughput throughput = new LoadGenerator.Throughput();
  private final List<BacklogSample> backlogSamples = Collections.synchronizedList(new ArrayList<>());
  private final List<ProcessUsageMeter.Snapshot> usageSamples = Collections.synchronizedList(new ArrayList<>());
  private final List<Window> windows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Run(BenchmarkOptions options, StackLayout layout, LaunchOptions launch, StackRunner stack, Console console,
      String startedAt) {
    this.options = options;
    this.layout = layout;
    this.launch = launch;
    this.stack = stack;
    this.console = console;
    this.startedAt = startedAt;
    this.bootstrap = "localhost:" + launch.kafkaPort();
  }

  BenchmarkResult execute() throws Exception {
    var db = launch.database();
    List<String> schemas = ServiceSpec.ALL.stream().map(db::schemaOf).toList();
    String intakeSchema = db.schemaOf(ServiceSpec.ALL.get(0));
    String runTag = db.schemaPrefix().replace("bench_", "").replace("_", "");
    ProcessUsageMeter meter = new ProcessUsageMeter(stack::processIds);
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "benchmark-sampler");
      thread.setDaemon(true);
      return thread;
    });
    try (Backlog backlog = new Backlog(bootstrap, db.url(), db.username(), db.password(), schemas);
         StageTimes stageTimes = new StageTimes(db.url(), db.username(), db.password(), intakeSchema);
         LoadGenerator generator = new LoadGenerator(launch.services().get(0).baseUrl(), new LeadBodies(runTag),
             clock, throughput, options.maxInFlight(), runTag)) {
      sampler.scheduleAtFixedRate(() -> sample(backlog, meter), 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);

      if (options.warmupSeconds() > 0) {
        console.info(String.format("warm-up: %d leads/s for %d s (not measured)", options.warmupRate(),
            options.warmupSeconds()));
        warmUp(generator, stageTimes, Duration.ofSeconds(options.warmupSeconds()));
      }

      BenchmarkResult.KafkaBaseline kafka = kafkaAlone();
      if (options.warmupSeconds() > 0) {
        // the tools' burst of records keeps the broker and the consumers' fetches busy for a while
        console.info(String.format("settling after Kafka's tools: %d leads/s for %d s (not measured)",
            options.warmupRate(), SETTLE.toSeconds()));
        warmUp(generator, stageTimes, SETTLE);
      }

      long deadLettersAtStart = backlog.deadLetters();
      List<BenchmarkResult.StepResult> steps = new ArrayList<>();
      Integer sustained = null;
      for (int rate : options.rates()) {
        BenchmarkResult.StepResult step = step(rate, generator, stageTimes, backlog, meter);
        steps.add(step);
        if (!step.sustained()) {
          console.info(rate + " leads/s not sustained: " + String.join("; ", step.verdict()));
          break;
        }
        sustained = rate;
      }
      BenchmarkResult.Burst burst = sustained == null || options.burstSeconds() == 0 ? null
          : burst(sustained, generator, stageTimes, backlog, deadLettersAtStart);
      sampler.shutdownNow();
      sampler.awaitTermination(10, TimeUnit.SECONDS);

      notes.add("Every lead asks for an imaging review, insurance verification and a talk with a past patient, "
          + "without a scan: review's first status is then \"waiting for imaging\", the same work for the review "
          + "service as \"queued\". The simulated payer answers at once; a real clearinghouse adds its own time.");
      notes.add("Latency counts from each request's due time (open loop), so a request the generator sent late "
          + "still counts its wait. Stage latencies end when intake recorded the stage in its timeline.");
      notes.add("Everything ran on this one machine at once: broker, registry, four services, PostgreSQL and the "
          + "load generator share its cores.");
      return new BenchmarkResult(startedAt, machine(), settings(), kafka, steps, sustained,
          timeline(stageTimes.perSecond(runStart)), notes, burst);
    } finally {
      sampler.shutdownNow();
    }
  }

  private BenchmarkResult.StepResult step(int rate, LoadGenerator generator, StageTimes stageTimes, Backlog backlog,
      ProcessUsageMeter meter) throws Exception {
    console.info(String.format("step: %d leads/s for %d s", rate, options.stepSeconds()));
    Instant from = Instant.now().minusSeconds(1);
    long startNanos = System.nanoTime();
    ProcessUsageMeter.Snapshot usageStart = meter.snapshot();
    usageSamples.add(usageStart);
    List<Path> recordings = rate == options.profileRate() ? startRecordings() : List.of();

    LoadGenerator.StepOutcome outcome = generator.run(new RateSchedule(rate, Duration.ofSeconds(options.stepSeconds())));
    long endNanos = System.nanoTime();
    ProcessUsageMeter.Snapshot usageEnd = meter.snapshot();
    usageSamples.add(usageEnd);
    long waitingAtEnd = backlog.read().total();
    windows.add(new Window(rate, clock.secondOf(startNanos), clock.secondOf(endNanos)));
    if (!recordings.isEmpty()) {
      notes.add("Java Flight Recordings of each service during the " + rate + " leads/s step: " + recordings);
    }

    double drainSeconds = drain(stageTimes, from, outcome.leads());
    ProcessUsageMeter.Snapshot usageDrained = meter.snapshot();
    Map<UUID, StageTimes.LeadStages> recorded = stageTimes.since(from);
    Map<String, LatencySummary> stages = new LinkedHashMap<>();
    StageTimes.latencies(outcome.leads(), recorded).forEach((stage, h) -> stages.put(stage, LatencySummary.ofMicros(h)));
    long complete = StageTimes.complete(outcome.leads(), recorded);
    LatencySummary submit = LatencySummary.ofMicros(outcome.submitMicros());
    double stepSeconds = options.stepSeconds();

    List<BacklogSeries.Sample> samples = new ArrayList<>();
    long consumedFirst = -1;
    long consumedLast = -1;
    synchronized (backlogSamples) {
      for (BacklogSample sample : backlogSamples) {
        if (sample.nanoTime() >= startNanos && sample.nanoTime() <= endNanos && sample.reading().consumerLag() >= 0) {
          samples.add(new BacklogSeries.Sample((sample.nanoTime() - startNanos) / 1e9, sample.reading().total()));
          consumedFirst = consumedFirst < 0 ? sample.reading().consumed() : consumedFirst;
          consumedLast = sample.reading().consumed();
        }
      }
    }
    BenchmarkResult.Backlog trend = BacklogSeries.of(samples, stepSeconds, waitingAtEnd);
    // the leads' records read between the first and the last sample, per lead accepted meanwhile
    double sampledSeconds = samples.size() < 2 ? 0 : samples.get(samples.size() - 1).second() - samples.get(0).second();
    double eventsPerLead = SaturationRule.eventsPerLead(consumedFirst, consumedLast,
        Math.round(outcome.accepted() * Math.min(1, sampledSeconds / stepSeconds)));
    List<String> verdict = SaturationRule.violations(new SaturationRule.Step(rate, stepSeconds, outcome.due(),
        outcome.accepted(), outcome.failed() + outcome.shed(), submit.p99(), trend, complete, eventsPerLead));
    List<ProcessUsageMeter.Snapshot> all;
    synchronized (usageSamples) {
      all = List.copyOf(usageSamples);
    }
    BenchmarkResult.StepResult result = new BenchmarkResult.StepResult(rate, outcome.accepted() / stepSeconds,
        outcome.due(), outcome.accepted(), outcome.failed(), outcome.shed(), outcome.failures(),
        outcome.maxLateMillis(), submit, stages, complete, drainSeconds, trend,
        ProcessUsageMeter.between(usageStart, usageEnd, all), verdict.isEmpty(), verdict,
        ProcessUsageMeter.stackCpuMillisPerLead(usageStart, usageDrained, complete),
        ProcessUsageMeter.compilerCpuMillisPerLead(usageStart, usageDrained, complete),
        outcome.generatorCpuMicrosPerRequest());
    console.info(String.format("  %d/s: accepted %.0f/s, submit p50 %.1f p99 %.1f p99.9 %.1f ms; "
            + "review p99 %.0f, insurance p99 %.0f, match p99 %.0f ms; backlog at end %d; "
            + "%.1f ms of CPU per lead (%.1f of it JIT compiling), generator %.0f µs per request; %s",
        rate, result.achievedPerSecond(), submit.p50(), submit.p99(), submit.p999(), stages.get("review").p99(),
        stages.get("insurance").p99(), stages.get("match").p99(), waitingAtEnd, result.cpuMillisPerLead(),
        result.compilerCpuMillisPerLead(), result.generatorCpuMicrosPerRequest(), verdict.isEmpty() ? "sustained" : "NOT sustained"));
    return result;
  }

  /**
   * Twice the highest sustained rate for the burst's length, then half of it for as long; then
   * waits for every lead of both to reach its stages and judges the burst by {@link BurstRule}.
   */
  private BenchmarkResult.Burst burst(int sustained, LoadGenerator generator, StageTimes stageTimes, Backlog backlog,
      long deadLettersAtStart) throws Exception {
    int burstRate = 2 * sustained;
    int afterRate = Math.max(1, sustained / 2);
    Duration length = Duration.ofSeconds(options.burstSeconds());
    console.info(String.format("burst: %d leads/s for %d s, then %d leads/s for as long", burstRate,
        length.toSeconds(), afterRate));
    Instant from = Instant.now().minusSeconds(1);
    long startNanos = System.nanoTime();
    LoadGenerator.StepOutcome burst = generator.run(new RateSchedule(burstRate, length));
    long burstEndNanos = System.nanoTime();
    windows.add(new Window(burstRate, clock.secondOf(startNanos), clock.secondOf(burstEndNanos)));
    LoadGenerator.StepOutcome after = generator.run(new RateSchedule(afterRate, length));
    long afterEndNanos = System.nanoTime();
    windows.add(new Window(afterRate, clock.secondOf(burstEndNanos), clock.secondOf(afterEndNanos)));

    List<LoadGenerator.Accepted> leads = new ArrayList<>(burst.leads());
    leads.addAll(after.leads());
    drain(stageTimes, from, leads);
    Map<UUID, StageTimes.LeadStages> recorded = stageTimes.since(from);
    long complete = StageTimes.complete(leads, recorded);
    double drainSeconds = StageTimes.complete(burst.leads(), recorded) < burst.leads().size() ? Double.NaN
        : Math.max(0, (StageTimes.lastStageAt(burst.leads(), recorded) - clock.epochMicros(burstEndNanos)) / 1e6);
    long backlogMax;
    synchronized (backlogSamples) {
      backlogMax = backlogSamples.stream().filter(s -> s.nanoTime() >= startNanos)
          .mapToLong(s -> s.reading().total()).max().orElse(-1);
    }
    long deadLetters = backlog.deadLetters();
    long deadLettersAdded = deadLettersAtStart < 0 || deadLetters < 0 ? -1 : deadLetters - deadLettersAtStart;
    Map<String, LatencySummary> stages = new LinkedHashMap<>();
    StageTimes.latencies(burst.leads(), recorded).forEach((stage, h) -> stages.put(stage, LatencySummary.ofMicros(h)));
    LatencySummary submit = LatencySummary.ofMicros(burst.submitMicros());
    List<String> verdict = BurstRule.violations(new BurstRule.Outcome(burst.due(), burst.failed() + burst.shed(),
        submit.p99(), drainSeconds, leads.size(), complete, deadLettersAdded));
    console.info(String.format("  burst %d/s: submit p99 %.1f ms, %d failed + %d shed; its leads had every stage "
            + "%.1f s after it; backlog at most %d; %d dead letters; %s", burstRate, submit.p99(), burst.failed(),
        burst.shed(), drainSeconds, backlogMax, deadLettersAdded, verdict.isEmpty() ? "passed" : "FAILED"));
    return new BenchmarkResult.Burst(burstRate, afterRate, (int) length.toSeconds(), burst.due(), burst.accepted(),
        burst.failed(), burst.shed(), submit, LatencySummary.ofMicros(after.submitMicros()), stages, leads.size(),
        complete, drainSeconds, backlogMax, deadLettersAdded, verdict.isEmpty(), verdict);
  }

  /** Waits until every lead has all its stages, or the drain deadline; returns the seconds it took. */
  private double drain(StageTimes stageTimes, Instant from, List<LoadGenerator.Accepted> leads)
      throws SQLException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(options.drainSeconds()).toNanos();
    while (System.nanoTime() < deadline) {
      if (StageTimes.complete(leads, stageTimes.since(from)) >= leads.size()) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private void sample(Backlog backlog, ProcessUsageMeter meter) {
    long now = System.nanoTime();
    try {
      backlogSamples.add(new BacklogSample(now, clock.secondOf(now), backlog.read()));
    } catch (SQLException | RuntimeException e) {
      // one missing sample under load says nothing; the next second tries again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    usageSamples.add(meter.snapshot());
  }

  /** Unmeasured load at the warm-up rate, then until its leads reached every stage. */
  private void warmUp(LoadGenerator generator, StageTimes stageTimes, Duration length) throws Exception {
    Instant from = Instant.now();
    long firstSecond = clock.secondOf(System.nanoTime());
    LoadGenerator.StepOutcome warm = generator.run(new RateSchedule(options.warmupRate(), length));
    windows.add(new Window(options.warmupRate(), firstSecond, clock.secondOf(System.nanoTime())));
    drain(stageTimes, from, warm.leads());
  }

  /** Kafka's own tools on the same broker, with records the size of a LeadSubmitted. */
  private BenchmarkResult.KafkaBaseline kafkaAlone() throws Exception {
    int recordBytes = averageRecordBytes();
    KafkaTools tools = new KafkaTools(Path.of(System.getProperty("java.home"), "bin", "java"),
        layout.kafkaToolsLibDir(), layout.localDir().resolve("kafka-tools"));
    if (!tools.available()) {
      return new BenchmarkResult.KafkaBaseline(recordBytes, List.of(), null,
          "Kafka's tools were not found (build first: ./mvnw package -DskipTests)");
    }
    int partitions = createBaselineTopic();
    console.info("Kafka alone: producer perf test and end-to-end latency on " + BASELINE_TOPIC + " ("
        + partitions + " partitions, " + recordBytes + "-byte records)");
    List<BenchmarkResult.ProducerRun> producer = new ArrayList<>();
    producer.add(tools.producer(bootstrap, BASELINE_TOPIC, 300_000, recordBytes, null));
    for (int rate : List.of(500, 1000)) {
      producer.add(tools.producer(bootstrap, BASELINE_TOPIC, rate * 30L, recordBytes, rate));
    }
    BenchmarkResult.EndToEnd endToEnd = tools.endToEnd(bootstrap, BASELINE_TOPIC, 5_000, recordBytes);
    return new BenchmarkResult.KafkaBaseline(recordBytes, producer, endToEnd,
        "acks=all with idempotence, as leadflow's producers; " + partitions + " partitions like "
            + SUBMITTED_TOPIC + "; one broker (replication factor 1)");
  }

  private int createBaselineTopic() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      int partitions = admin.describeTopics(List.of(SUBMITTED_TOPIC)).allTopicNames().get()
          .get(SUBMITTED_TOPIC).partitions().size();
      if (!admin.listTopics().names().get().contains(BASELINE_TOPIC)) {
        admin.createTopics(List.of(new NewTopic(BASELINE_TOPIC, partitions, (short) 1))).all().get();
      }
      return partitions;
    }
  }

  /** The mean size (key + value) of the lead events intake published during the warm-up. */
  private int averageRecordBytes() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = consumer.partitionsFor(SUBMITTED_TOPIC).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long bytes = 0;
      int count = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (count < 500 && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          bytes += (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
          count++;
        }
      }
      return count == 0 ? 1024 : (int) (bytes / count);
    }
  }

  /** Starts a flight recording in each service, for as long as the step runs. */
  private List<Path> startRecordings() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Path folder = options.out().resolve("profile");
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>();
    for (var entry : stack.processIds().entrySet()) {
      if (!entry.getKey().endsWith("-service")) {
        continue;
      }
      Path file = folder.resolve(entry.getKey() + ".jfr");
      Process jcmdRun = new ProcessBuilder(jcmd.toString(), Long.toString(entry.getValue()), "JFR.start",
          "name=benchmark", "settings=profile", "duration=" + options.stepSeconds() + "s", "filename=" + file)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (jcmdRun.waitFor(30, TimeUnit.SECONDS) && jcmdRun.exitValue() == 0) {
        files.add(file);
      }
    }
    return files;
  }

  private List<BenchmarkResult.TimelinePoint> timeline(Map<Long, Long> stagesPerEpochSecond) {
    long anchorEpochSecond = Math.floorDiv(clock.epochMicros(clock.anchorNanos()), 1_000_000L);
    Map<Long, Long> stages = new LinkedHashMap<>();
    stagesPerEpochSecond.forEach((epochSecond, n) -> stages.put(epochSecond - anchorEpochSecond, n));
    Map<Long, Backlog.Reading> readings = new LinkedHashMap<>();
    synchronized (backlogSamples) {
      backlogSamples.forEach(s -> readings.put(s.second(), s.reading()));
    }
    long last = Math.max(readings.keySet().stream().mapToLong(Long::longValue).max().orElse(0),
        stages.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
    List<BenchmarkResult.TimelinePoint> points = new ArrayList<>();
    for (long second = 0; second <= last; second++) {
      long s = second;
      int offered = windows.stream().filter(w -> s >= w.fromSecond() && s < w.toSecond()).mapToInt(Window::rate)
          .findFirst().orElse(0);
      Backlog.Reading reading = readings.get(second);
      points.add(new BenchmarkResult.TimelinePoint(second, offered, count(throughput.accepted, second),
          count(throughput.failed, second), stages.getOrDefault(second, 0L),
          reading == null ? -1 : reading.consumerLag(), reading == null ? -1 : reading.outboxPending()));
    }
    return points;
  }

  private static long count(Map<Long, LongAdder> counts, long second) {
    LongAdder adder = counts.get(second);
    return adder == null ? 0 : adder.sum();
  }

  private BenchmarkResult.Machine machine() {
    String cpu = "unknown";
    long memory = 0;
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
      memory = ProcessUsageMeter.statusField(Files.readString(Path.of("/proc/meminfo")), "MemTotal:");
    } catch (IOException e) {
      // not Linux: the figures say so
    }
    return new BenchmarkResult.Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"), cpu,
        Runtime.getRuntime().availableProcessors(), memory,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  private BenchmarkResult.Settings settings() {
    return new BenchmarkResult.Settings(options.rates(), options.stepSeconds(), options.warmupSeconds(),
        options.burstSeconds(),
        options.maxInFlight(), "PostgreSQL " + launch.database().url() + ", a schema per service",
        options.serviceJavaOpts(),
        "every lead: MRI/CT review (no scan), insurance verification (payer verifies), connect with a past patient");
  }
}
