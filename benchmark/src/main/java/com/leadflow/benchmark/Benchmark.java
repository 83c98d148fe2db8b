package com.leadflow.benchmark;

import com.leadflow.localstack.BuildInfo;
import com.leadflow.localstack.Console;
import com.leadflow.localstack.LaunchOptions;
import com.leadflow.localstack.PortCheck;
import com.leadflow.localstack.ServiceExtras;
import com.leadflow.localstack.ServiceSpec;
import com.leadflow.localstack.StackLayout;
import com.leadflow.localstack.StackRunner;
import com.leadflow.localstack.StartupFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * {@code ./benchmark/run.sh}: the local stack on PostgreSQL under an open-loop load of leads,
 * step by step up to saturation, beside what Kafka alone does on the same broker. See
 * {@link BenchmarkOptions#USAGE} and the README's benchmark section.
 */
public final class Benchmark {

  private static final String INTAKE = "intake-service";

  private final BenchmarkOptions options;
  private final StackLayout layout;
  private final Console console = new Console(System.out, false);
  private final String startedAt;

  private Benchmark(BenchmarkOptions options, StackLayout layout, String startedAt) {
    this.options = options;
    this.layout = layout;
    this.startedAt = startedAt;
  }

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("java.awt.headless", "true");
    StackLayout checkout = StackLayout.locate(null, BuildInfo.load());
    String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(checkout.repoDir(), startedAt, args);
    } catch (IllegalArgumentException e) {
      System.err.println("benchmark: " + e.getMessage() + "\n");
      System.err.print(BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(BenchmarkOptions.USAGE);
      return;
    }
    // its own .local folder: the developer's topics, schemas and data stay as they are
    StackLayout layout = new StackLayout(checkout.repoDir(), checkout.localDir().resolve("benchmark"),
        checkout.kafkaLibDir(), checkout.registryRunnerJar(), checkout.projectVersion());
    System.exit(new Benchmark(options, layout, startedAt).run());
  }

  private int run() {
    String prefix = "bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
    LaunchOptions launch;
    StackRunner stack;
    try {
      deleteRecursively(layout.localDir());
      List<String> flags = new ArrayList<>(List.of(
          "--kafka-port", "" + PortCheck.freePort(), "--controller-port", "" + PortCheck.freePort(),
          "--registry-port", "" + PortCheck.freePort(), "--identity-port", "" + PortCheck.freePort(),
          "--service-port-base", "" + PortCheck.freePortRange(ServiceSpec.COUNT),
          "--postgres", options.postgresUrl(), "--postgres-user", options.postgresUser(), "--schema-prefix", prefix));
      if (!options.postgresPassword().isEmpty()) {
        flags.addAll(List.of("--postgres-password", options.postgresPassword()));
      }
      launch = LaunchOptions.parse(flags.toArray(String[]::new));
      stack = new StackRunner(layout, launch, console, new ServiceExtras(options.serviceJavaOpts(),
          // every lead comes from this one address, far faster than any visitor types
          Map.of(INTAKE, Map.of("LEADFLOW_INTAKE_RATE_LIMIT_ENABLED", "false")), false));
    } catch (IOException | RuntimeException e) {
      console.error("benchmark: could not prepare the stack: " + e.getMessage());
      return 1;
    }
    Thread cleanup = new Thread(() -> stopAndDrop(stack, launch), "benchmark-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      console.info("starting the local stack on " + launch.database().describe());
      stack.start();
      BenchmarkResult result = new Run(options, layout, launch, stack, console, startedAt).execute();
      Files.createDirectories(options.out());
      ResultsWriter.write(result, options.out());
      console.info("results written to " + options.out());
      return 0;
    } catch (StartupFailure e) {
      console.error("the stack did not come up: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      console.error("benchmark failed: " + e);
      e.printStackTrace();
      return 1;
    } finally {
      stopAndDrop(stack, launch);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
    }
  }

  private void stopAndDrop(StackRunner stack, LaunchOptions launch) {
    stack.stop();
    if (options.keepSchemas()) {
      console.info("--keep-schemas: the run's data stays in " + launch.database().describe());
      return;
    }
    try {
      launch.database().dropSchemas(ServiceSpec.ALL);
    } catch (SQLException e) {
      console.error("could not drop the schemas " + launch.database().schemaPrefix() + "*: " + e.getMessage());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
