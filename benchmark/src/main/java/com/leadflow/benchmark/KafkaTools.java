package com.leadflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own performance tools, run against the stack's broker as separate JVMs from the
 * kafka-tools folder the local-stack build collects: what Kafka alone does on this machine.
 */
final class KafkaTools {

  static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";
  static final String END_TO_END_LATENCY = "org.apache.kafka.tools.EndToEndLatency";

  // "50000 records sent, 9996.0 records/sec (6.10 MB/sec), 2.43 ms avg latency, 210.00 ms max latency,
  //  2 ms 50th, 4 ms 95th, 9 ms 99th, 30 ms 99.9th."
  private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
      "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
          + "([\\d.]+) ms max latency, ([\\d.]+) ms 50th, ([\\d.]+) ms 95th, ([\\d.]+) ms 99th, ([\\d.]+) ms 99\\.9th");
  private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");
  private static final Pattern PERCENTILES = Pattern.compile(
      "Percentiles: 50th = ([\\d.]+), 99th = ([\\d.]+), 99\\.9th = ([\\d.]+)");

  private final Path java;
  private final Path toolsLib;
  private final Path workDir;
  private int runs;

  KafkaTools(Path java, Path toolsLib, Path workDir) {
    this.java = java;
    this.toolsLib = toolsLib;
    this.workDir = workDir;
  }

  boolean available() {
    return Files.isDirectory(toolsLib);
  }

  /** kafka-producer-perf-test with acks=all, as leadflow's producers send; null target: as fast as it goes. */
  BenchmarkResult.ProducerRun producer(String bootstrap, String topic, long records, int recordBytes,
      Integer targetPerSecond) throws IOException, InterruptedException {
    String output = run(PRODUCER_PERFORMANCE, "--topic", topic, "--num-records", Long.toString(records),
        "--record-size", Integer.toString(recordBytes),
        "--throughput", targetPerSecond == null ? "-1" : targetPerSecond.toString(),
        "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
    return parseProducer(output, targetPerSecond);
  }

  /** Kafka's EndToEndLatency: one record at a time, produced with acks=all, until consumed. */
  BenchmarkResult.EndToEnd endToEnd(String bootstrap, String topic, long records, int recordBytes)
      throws IOException, InterruptedException {
    // 4.1 still takes positional arguments: broker_list topic num_messages producer_acks message_size_bytes
    String output = run(END_TO_END_LATENCY, bootstrap, topic, Long.toString(records), "all",
        Integer.toString(recordBytes));
    return parseEndToEnd(output, records);
  }

  static BenchmarkResult.ProducerRun parseProducer(String output, Integer targetPerSecond) {
    // it prints a progress line every few seconds, then the summary of the whole run last
    MatchResult last = null;
    Matcher m = PRODUCER_SUMMARY.matcher(output);
    while (m.find()) {
      last = m.toMatchResult();
    }
    if (last == null) {
      throw new IllegalStateException("no summary line in the producer perf test's output:\n" + tail(output));
    }
    return new BenchmarkResult.ProducerRun(targetPerSecond, Long.parseLong(last.group(1)),
        Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)), Double.parseDouble(last.group(4)),
        Double.parseDouble(last.group(5)), Double.parseDouble(last.group(6)), Double.parseDouble(last.group(7)),
        Double.parseDouble(last.group(8)), Double.parseDouble(last.group(9)));
  }

  static BenchmarkResult.EndToEnd parseEndToEnd(String output, long records) {
    Matcher average = AVERAGE.matcher(output);
    Matcher percentiles = PERCENTILES.matcher(output);
    if (!average.find() || !percentiles.find()) {
      throw new IllegalStateException("no latency summary in EndToEndLatency's output:\n" + tail(output));
    }
    return new BenchmarkResult.EndToEnd(records, Double.parseDouble(average.group(1)),
        Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)),
        Double.parseDouble(percentiles.group(3)));
  }

  private String run(String mainClass, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m",
        "-cp", toolsLib.resolve("*").toString(), mainClass));
    command.addAll(List.of(args));
    Files.createDirectories(workDir);
    Path log = workDir.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + (++runs) + ".log");
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(mainClass + " did not finish within 10 minutes; see " + log);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + ":\n" + tail(output));
    }
    return output;
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
  }
}
