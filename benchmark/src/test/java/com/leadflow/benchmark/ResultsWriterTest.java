package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.benchmark.BenchmarkResult.Backlog;
import com.leadflow.benchmark.BenchmarkResult.EndToEnd;
import com.leadflow.benchmark.BenchmarkResult.KafkaBaseline;
import com.leadflow.benchmark.BenchmarkResult.Machine;
import com.leadflow.benchmark.BenchmarkResult.ProcessUsage;
import com.leadflow.benchmark.BenchmarkResult.ProducerRun;
import com.leadflow.benchmark.BenchmarkResult.Settings;
import com.leadflow.benchmark.BenchmarkResult.StepResult;
import com.leadflow.benchmark.BenchmarkResult.TimelinePoint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultsWriterTest {

  private static final long MIB = 1024 * 1024;
  private static final List<String> PROCESSES = List.of("kafka", "registry", "intake-service", "review-service",
      "insurance-service", "matching-service", "postgres", "generator");

  @TempDir
  Path folder;

  @Test
  void theMarkdownHasARowPerStepWithItsNumbersAndDashesWhereNothingWasMeasured() throws IOException {
    ResultsWriter.write(run(), folder);
    String md = Files.readString(folder.resolve("results.md"));

    assertThat(md).startsWith("# leadflow benchmark, 2026-11-25\n");
    assertThat(md).contains("| 100 | 99.9 | 2.1 | 3.4 | 8.7 | 15.2 | 40.2 | 180 | 55.0 | 231 | 60.3 | 240 "
        + "| 0 + 0 | 3 | +0.0/s | 18.0 | 6.0 | 130 | ✓ |");
    assertThat(md).contains("| 300 | 299.7 | 3.0 | 6.5 | 12.3 | 35.8 | 61.0 | 180 | 90.4 | 412 | 70.1 | 197 "
        + "| 3 + 0 | 12 | -0.3/s | 6.0 | 2.0 | 150 | ✓ |");
    // nothing was matched at 600/s: dashes, not zeros or NaN
    assertThat(md).contains("| 600 | 512.4 | 950 | 4,100 | 9,870 | 12,050 | 3,020 | 15,400 | 3,550 | 18,200 "
        + "| — | — | 200 + 5,000 | 52,000 | +1,234.5/s | 3.0 | 1.0 | 180 | ✗ |");
    assertThat(md).doesNotContain("NaN");
    // the machine a reader weighs the numbers against
    assertThat(md).contains("| CPU | AMD EPYC 7B13, 2 cores |", "| Memory | 8.0 GiB |", "| Java | 17.0.15 |",
        "| Offered rates | 100, 300, 600 leads/s |", "| Service JVM options | `-Xmx384m -XX:+UseSerialGC` |",
        "| Burst | 60 s at twice the highest sustained rate, then as long at half of it |");
  }

  @Test
  void theTargetsSayMetOrMissedWithWhatWasMeasured() throws IOException {
    ResultsWriter.write(run(), folder);
    String md = Files.readString(folder.resolve("results.md"));

    assertThat(md).contains("- **Highest sustained rate: 300 leads/s**");
    assertThat(md).contains("- 300 leads/s sustained for 60 s with no growing lag — met: achieved 299.7/s, "
        + "backlog 12 at the end, -0.3/s over the second half\n");
    assertThat(md).contains("- ≤ 5 ms of CPU per lead at the highest sustained step — missed: 6.0 ms at 300 leads/s, "
        + "1.2× the target (every process but the generator)\n");
    assertThat(md).contains("  - submit p99 < 30 ms — met: 8.7 ms, 0.29× the target\n");
    assertThat(md).contains("  - submit→review status p99 < 250 ms — met: 180 ms, 0.72× the target\n");
    assertThat(md).contains("  - submit→insurance result p99 < 250 ms — met: 231 ms, 0.92× the target\n");
    assertThat(md).contains("  - submit→match answer p99 < 250 ms — met: 240 ms, 0.96× the target\n");
    assertThat(md).contains("- At 10 leads/s, each stage p50 ≤ 60 ms — not measured: no 10/s step\n");
    assertThat(md).contains("- A burst (twice the highest sustained rate for 60 s, then half of it) does not topple "
        + "it — failed: 600 leads/s, submit p99 1,450 ms, 12 failed or shed, every stage 75.5 s after it, "
        + "0 dead letters\n  - submit p99 1450 ms during the burst (1000 ms allowed)\n");
    assertThat(md).contains("- The generator under 300 µs of CPU per request — met: at most 180 µs in any step\n");
    assertThat(md).contains("## Burst\n\n600 leads/s for 60 s, then 150 leads/s for as long. Accepted 35,988 of "
        + "36,000 burst requests (2 failed, 10 shed)");
  }

  @Test
  void aRunThatStoppedBelowATargetsRateMissesItByTheHighestSustainedRate() {
    BenchmarkResult full = run();
    StepResult ten = step(10, 10.0, true, 600, 600, 0, 0, Map.of(), latency(600, 40, 90, 300),
        stages(latency(600, 50, 900, 1_000), latency(600, 58, 900, 1_000), latency(600, 61, 900, 1_000)),
        new Backlog(5, 4, 2, 0.0), List.of());
    StepResult twenty = step(20, 20.0, false, 1_200, 1_200, 0, 0, Map.of(), latency(1_200, 90, 200, 370),
        stages(latency(1_200, 9_000, 30_000, 36_000), latency(1_200, 9_000, 30_000, 36_000),
            latency(1_200, 9_000, 30_000, 36_000)),
        new Backlog(900, 2_800, 2_790, 35.4), List.of("backlog grew by 35 events/s"));

    String md = ResultsMarkdown.render(withSteps(full, List.of(ten, twenty), 10));

    assertThat(md).contains("with no growing lag — missed: the stack stopped keeping up at 20 leads/s, "
        + "highest sustained rate 10/s, 0.033× the target's rate\n");
    assertThat(md).contains("  - submit p99 < 30 ms — missed: the stack stopped keeping up at 20 leads/s, "
        + "highest sustained rate 10/s, 0.10× the target's rate\n");
    assertThat(md).contains("- ≤ 5 ms of CPU per lead at the highest sustained step — missed: 180 ms at 10 leads/s");
    // one stage's median over 60 ms is enough to miss
    assertThat(md).contains("- At 10 leads/s, each stage p50 ≤ 60 ms — missed: review 50.0 ms, insurance 58.0 ms, "
        + "match 61.0 ms\n");
  }

  @Test
  void aTargetWithoutItsStepIsNotMeasuredAndOneSustainedTooBrieflyIsNotShown() {
    BenchmarkResult full = run();
    BenchmarkResult only100 = withSteps(full, List.of(full.steps().get(0)), 100);
    assertThat(ResultsMarkdown.render(only100))
        .contains("with no growing lag — not measured: no 300/s step\n");
    BenchmarkResult only300 = withSteps(full, List.of(full.steps().get(1)), 300);
    assertThat(ResultsMarkdown.render(only300))
        .contains("  - submit p99 < 30 ms — not measured: no 100/s step\n")
        .contains("  - submit→review status p99 < 250 ms — not measured: no 100/s step\n");

    StepResult threeHundredHeld = step(300, 299.8, true, 18_000, 18_000, 0, 0, Map.of(), latency(18_000, 4, 9, 15),
        stages(latency(18_000, 50, 90, 200), latency(18_000, 60, 120, 230), latency(18_000, 70, 130, 240)),
        new Backlog(40, 45, 10, 0.1), List.of());
    BenchmarkResult brief = new BenchmarkResult(full.startedAt(), full.machine(),
        new Settings(List.of(300), 30, 10, 0, 512, "PostgreSQL", List.of(), "all three services"), null,
        List.of(threeHundredHeld), 300, List.of(), List.of(), null);
    assertThat(ResultsMarkdown.render(brief))
        .contains("with no growing lag — not shown: sustained, but for a 30 s step, not 60 s: achieved 299.8/s")
        .contains("does not topple it — not run: no rate was sustained, or the run asked for none\n");
  }

  @Test
  void aBurstThatKeepsUpPasses() {
    assertThat(BurstRule.violations(new BurstRule.Outcome(36_000, 0, 640, 12.5, 45_000, 45_000, 0))).isEmpty();
    assertThat(BurstRule.violations(new BurstRule.Outcome(36_000, 0, 640, 61, 45_000, 45_000, 0)))
        .containsExactly("the burst's leads had every stage 61 s after it ended (60 s allowed)");
    assertThat(BurstRule.violations(new BurstRule.Outcome(36_000, 0, 640, Double.NaN, 45_000, 44_990, 3)))
        .containsExactly("10 of 45000 leads of the burst and after it never reached every stage",
            "3 records reached a dead-letter topic");
  }

  @Test
  void aP99OverTooFewOfTheLeadsIsMissedNotMet() {
    // 600 of 30,000 leads (2%) never got an insurance result: the fast 98% cannot vouch for the p99
    assertThat(ResultsMarkdown.latencyTarget(latency(29_400, 50, 90, 120), 30_000, 250, "insurance result"))
        .isEqualTo("missed: 600 of 30,000 leads (2.0%) got no insurance result, so the p99 lies beyond "
            + "everything measured (p99 of the rest 120 ms)");
    assertThat(ResultsMarkdown.latencyTarget(LatencySummary.EMPTY, 30_000, 250, "insurance result"))
        .isEqualTo("not measured: no insurance result recorded");
    assertThat(ResultsMarkdown.latencyTarget(latency(30_000, 50, 90, 250), 30_000, 250, "review status"))
        .isEqualTo("missed: 250 ms, 1.0× the target");
  }

  @Test
  void processesAreColumnsInTheOrderTheyWereMeasured() throws IOException {
    ResultsWriter.write(run(), folder);
    String md = Files.readString(folder.resolve("results.md"));

    assertThat(md).contains("| offered/s | " + String.join(" | ", PROCESSES) + " |\n");
    assertThat(md).contains("| 300 | 0.51 / 412 | 0.05 / 300 | 0.36 / 350 | ");
  }

  @Test
  void kafkaAloneIsTabledAndComparedWithLeadflow() throws IOException {
    ResultsWriter.write(run(), folder);
    String md = Files.readString(folder.resolve("results.md"));

    assertThat(md).contains("| max | 1,000,000 | 61,234.5 | 105.10 | 250 | 210 | 451 | 600 | 781 | 800 |");
    assertThat(md).contains("| 5,000 | 300,000 | 4,999.8 | 8.60 | 2.1 | 1.9 | 3.2 | 4.8 | 12.0 | 30.2 |");
    assertThat(md).contains("| 10,000 | 3.1 | 2.8 | 4.8 | 9.5 |");
    // 300 / 61,234.5 = 0.0049; at 100/s review p99 180.4 / 4.8 = 37.6, insurance 230.9 / 4.8 = 48.1
    assertThat(md).contains("= 0.0049×");
    assertThat(md).contains("- latency at 100/s, each stage's p99 ÷ Kafka's end-to-end p99 (4.8 ms):\n"
        + "  - review: 180 ms = 38×\n  - insurance: 231 ms = 48×\n  - match: 240 ms = 50×\n");
    assertThat(md).contains("## Notes\n\n- the generator ran on the same two cores\n");
    assertThat(md).contains("![Latency against offered rate](latency-vs-rate.png)", "(timeline.png)");
  }

  @Test
  void theJsonIsValidWithNullForNaNAndReadsBackAsTheSameResult() throws IOException {
    BenchmarkResult result = run();
    ResultsWriter.write(result, folder);
    Path json = folder.resolve("results.json");

    String text = Files.readString(json);
    assertThat(text).doesNotContain("NaN").contains("\n  \"startedAt\"");
    JsonNode tree = JsonMapper.builder().build().readTree(text);
    JsonNode match = tree.get("steps").get(2).get("stages").get("match");
    assertThat(match.get("count").asLong()).isZero();
    assertThat(match.get("p99").isNull()).isTrue();
    assertThat(tree.get("steps").get(1).get("submit").get("p99").asDouble()).isEqualTo(12.3);
    assertThat(tree.get("kafka").get("producer").get(0).get("targetPerSecond").isNull()).isTrue();

    BenchmarkResult back = ResultsWriter.read(json);
    assertThat(back).isEqualTo(result);
    assertThat(back.steps().get(2).stages().get("match").p50()).isNaN();
    assertThat(back.steps().get(1).processes().keySet()).containsExactlyElementsOf(PROCESSES);
  }

  @Test
  void theTwoPlotsArePngsOfTheAnnouncedSize() throws IOException {
    ResultsWriter.write(run(), folder);

    for (String name : List.of("latency-vs-rate.png", "timeline.png")) {
      Path png = folder.resolve(name);
      byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
      assertThat(head).as(name).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).as(name).isEqualTo(1200);
      assertThat(image.getHeight()).as(name).isEqualTo(700);
      // a white background with something drawn on it, not a blank canvas
      assertThat(image.getRGB(2, 2) & 0xFFFFFF).as(name).isEqualTo(0xFFFFFF);
      assertThat(distinctColours(image)).as(name).isGreaterThan(6);
    }
  }

  @Test
  void plotsSurviveARunWithNothingMeasured() throws IOException {
    BenchmarkResult empty = new BenchmarkResult("2026-11-25T15:00:00Z", null, null, null, List.of(), null,
        List.of(), List.of(), null);
    assertThat(Plots.write(empty, folder)).extracting(p -> p.getFileName().toString())
        .containsExactly("latency-vs-rate.png", "timeline.png");
    assertThat(ResultsMarkdown.render(empty))
        .contains("- **Highest sustained rate: none of the offered rates**")
        .contains("## Kafka alone\n\nNot measured.");
  }

  @Test
  void numbersReadAsAPersonWouldWriteThem() {
    assertThat(ResultsMarkdown.ms(Double.NaN)).isEqualTo("—");
    assertThat(ResultsMarkdown.ms(0.42)).isEqualTo("0.4");
    assertThat(ResultsMarkdown.ms(99.94)).isEqualTo("99.9");
    assertThat(ResultsMarkdown.ms(99.96)).isEqualTo("100");
    assertThat(ResultsMarkdown.ms(12_345.6)).isEqualTo("12,346");
    assertThat(ResultsMarkdown.ratio(412 / 250.0)).isEqualTo("1.6×");
    assertThat(ResultsMarkdown.ratio(85.8)).isEqualTo("86×");
    assertThat(ResultsMarkdown.ratio(0.615)).isEqualTo("0.62×");
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** Three steps: 100/s and 300/s held, 600/s did not and matched nothing; the burst at 600/s failed. */
  static BenchmarkResult run() {
    StepResult at100 = step(100, 99.9, true, 6_000, 6_000, 0, 0, Map.of(), latency(6_000, 2.1, 3.4, 8.7, 15.2),
        stages(latency(6_000, 40.2, 100, 180.4), latency(6_000, 55.0, 120, 230.9), latency(6_000, 60.3, 150, 240.0)),
        new Backlog(10, 12, 3, 0.02), List.of());
    StepResult at300 = step(300, 299.7, true, 18_000, 17_997, 3, 0, Map.of("HTTP 503", 3L),
        latency(17_997, 3.0, 6.5, 12.3, 35.8),
        stages(latency(17_997, 61.0, 120, 180.4), latency(17_997, 90.4, 200, 412), latency(17_997, 70.1, 140, 197)),
        new Backlog(20, 25, 12, -0.3), List.of());
    StepResult at600 = step(600, 512.4, false, 36_000, 30_800, 200, 5_000,
        Map.of("HttpTimeoutException", 150L, "HTTP 503", 50L), latency(30_800, 950, 4_100, 9_870, 12_050),
        stages(latency(20_000, 3_020, 9_000, 15_400), latency(18_000, 3_550, 10_000, 18_200), LatencySummary.EMPTY),
        new Backlog(2_000, 40_000, 52_000, 1_234.5), List.of("backlog grew by 1,234.5 events/s over the second half"));
    List<TimelinePoint> timeline = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      int offered = s < 10 ? 100 : s < 20 ? 300 : 600;
      long accepted = s < 20 ? offered : 800 + s;
      long backlog = s < 20 ? 10 + s % 3 : 2_000L * (s - 19);
      timeline.add(new TimelinePoint(s, offered, accepted, s < 20 ? 0 : 180, 3 * accepted - (s < 20 ? 0 : 900),
          backlog / 2, backlog - backlog / 2));
    }
    KafkaBaseline kafka = new KafkaBaseline(1_800,
        List.of(new ProducerRun(null, 1_000_000, 61_234.5, 105.1, 250.3, 800.2, 210.0, 450.5, 600.1, 780.9),
            new ProducerRun(5_000, 300_000, 4_999.8, 8.6, 2.1, 30.2, 1.9, 3.2, 4.8, 12.0)),
        new EndToEnd(10_000, 3.1, 2.8, 4.8, 9.5), "acks=all, one partition");
    return new BenchmarkResult("2026-11-25T15:22:08.123Z",
        new Machine("Linux 6.1", "AMD EPYC 7B13", 2, 8L * 1024 * MIB, "17.0.15"),
        new Settings(List.of(100, 300, 600), 60, 10, 60, 512, "PostgreSQL 16 on 127.0.0.1:5432",
            List.of("-Xmx384m", "-XX:+UseSerialGC"), "every lead asks for review, insurance and a past patient"),
        kafka, List.of(at100, at300, at600), 300, timeline, List.of("the generator ran on the same two cores"), burst());
  }

  private static BenchmarkResult.Burst burst() {
    return new BenchmarkResult.Burst(600, 150, 60, 36_000, 35_988, 2, 10, latency(35_988, 210, 900, 1_450),
        latency(9_000, 3.1, 6, 9), stages(latency(35_988, 900, 30_000, 60_000), latency(35_988, 950, 30_000, 61_000),
            latency(35_988, 920, 30_000, 60_500)), 44_988, 44_988, 75.5, 21_000, 0, false,
        List.of("submit p99 1450 ms during the burst (1000 ms allowed)"));
  }

  private static BenchmarkResult withSteps(BenchmarkResult result, List<StepResult> steps, Integer sustained) {
    return new BenchmarkResult(result.startedAt(), result.machine(), result.settings(), result.kafka(), steps,
        sustained, result.timeline(), result.notes(), result.burst());
  }

  private static StepResult step(int offered, double achieved, boolean sustained, long due, long accepted, long failed,
      long shed, Map<String, Long> failures, LatencySummary submit, Map<String, LatencySummary> stages,
      Backlog backlog, List<String> verdict) {
    Map<String, ProcessUsage> processes = new LinkedHashMap<>();
    double load = offered / 500.0;
    for (int i = 0; i < PROCESSES.size(); i++) {
      processes.put(PROCESSES.get(i), new ProcessUsage(i == 0 ? 0.85 * load : (i == 1 ? 0.05 : 0.6 * load),
          (i == 0 ? 412 : i == 1 ? 300 : 350) * MIB));
    }
    return new StepResult(offered, achieved, due, accepted, failed, shed, failures, 1.5, submit, stages,
        accepted, 2.5, backlog, processes, sustained, verdict, 1_800.0 / offered, 600.0 / offered,
        120 + offered / 10.0);
  }

  private static Map<String, LatencySummary> stages(LatencySummary review, LatencySummary insurance,
      LatencySummary match) {
    Map<String, LatencySummary> stages = new LinkedHashMap<>();
    stages.put("review", review);
    stages.put("insurance", insurance);
    stages.put("match", match);
    return stages;
  }

  private static LatencySummary latency(long count, double p50, double p90, double p99) {
    return latency(count, p50, p90, p99, p99 * 1.2);
  }

  private static LatencySummary latency(long count, double p50, double p90, double p99, double p999) {
    return new LatencySummary(count, p50, p90, p99, p999, p999 * 1.5, p50 * 1.1);
  }
}
