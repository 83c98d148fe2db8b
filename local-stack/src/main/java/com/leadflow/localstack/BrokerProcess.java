package com.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The Kafka broker: formats its folder once, then runs {@code kafka.Kafka} from target/kafka-lib. */
final class BrokerProcess {

  static final String NAME = "kafka";
  private static final String STARTED = "Kafka Server started";
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final String RESET_HINT =
      "If its data folder is damaged or from another cluster, start with --reset"
          + " (wipes topics, schemas and service databases).";

  private final StackLayout layout;
  private final int kafkaPort;
  private final int controllerPort;
  // one per start: a restarted broker must say so again
  private volatile CompletableFuture<Void> started = new CompletableFuture<>();

  BrokerProcess(StackLayout layout, int kafkaPort, int controllerPort) {
    this.layout = layout;
    this.kafkaPort = kafkaPort;
    this.controllerPort = controllerPort;
  }

  /** Writes server.properties and formats the data folder on first use. @return true if it formatted */
  boolean prepare() throws StartupFailure {
    Map<String, String> properties = KafkaServerProperties.of(kafkaPort, controllerPort, layout.kafkaDataDir());
    try {
      Files.createDirectories(layout.kafkaDataDir());
      Files.writeString(layout.serverProperties(), KafkaServerProperties.render(properties), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KafkaStorage.Plan plan = new KafkaStorage(layout.clusterIdFile(), layout.kafkaDataDir()).plan();
    if (plan instanceof KafkaStorage.Conflict conflict) {
      throw new StartupFailure("The Kafka data in " + layout.kafkaDataDir() + " was formatted for cluster "
          + conflict.formattedFor() + ", but " + layout.clusterIdFile() + " says " + conflict.expected()
          + ".\nThe broker would refuse it. Start with --reset to wipe .local/kafka, .local/registry and"
          + " .local/data (topics, schemas, service databases) and format afresh.");
    }
    if (plan instanceof KafkaStorage.Format format) {
      format(format.clusterId());
      return true;
    }
    return false;
  }

  private void format(String clusterId) throws StartupFailure {
    List<String> command = java("kafka.tools.StorageTool", "format", "--standalone",
        "-t", clusterId, "-c", layout.serverProperties().toString());
    Path log = layout.logFile(NAME);
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      if (!process.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new StartupFailure("formatting the Kafka data folder took over "
            + FORMAT_TIMEOUT.toSeconds() + " s; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new StartupFailure("formatting the Kafka data folder " + layout.kafkaDataDir()
            + " failed (exit code " + process.exitValue() + "); see " + log + "\n" + RESET_HINT);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StartupFailure.stopping();
    }
  }

  ChildProcess.Spec spec() {
    started = new CompletableFuture<>();
    return new ChildProcess.Spec(NAME,
        java("kafka.Kafka", layout.serverProperties().toString()),
        Map.of(), layout.kafkaDir(), layout.logFile(NAME), layout.runDir(),
        null, null, this::watch, RESET_HINT);
  }

  private void watch(String line) {
    if (line.contains(STARTED)) {
      started.complete(null);
    }
  }

  /**
   * The listener port accepts connections before the broker can serve requests, so readiness
   * is the broker's own "Kafka Server started" line.
   */
  void awaitReady(ChildProcess child, Waits.Watch watch) throws StartupFailure {
    watch.until(child, started::isDone, "started", Duration.ofMillis(100));
  }

  private List<String> java(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Java.executable(),
        // the heap and the cleaner buffer (server.properties) keep the idle broker near 200 MB
        "-Xmx128m",
        "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + layout.brokerLog4jConfig().toUri(),
        "-cp", layout.kafkaLibDir().resolve("*").toString(),
        mainClass));
    command.addAll(List.of(args));
    return command;
  }
}
