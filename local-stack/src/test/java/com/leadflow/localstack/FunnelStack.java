package com.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The whole system for end-to-end tests, started by the launcher's own code: broker and registry
 * on free ports with a temporary .local folder, and the service jars on PostgreSQL, each in a
 * schema named for this run ({@code e2e_<8 hex>_intake}, ...), dropped again when it stops. So it
 * runs beside a developer's stack and beside other runs, and leaves nothing behind.
 */
final class FunnelStack implements AutoCloseable {

  static final String POSTGRES_USER = "postgres";
  static final String BUILD_HINT = "Build the service jars first: ./mvnw package -DskipTests"
      + " (the end-to-end test runs the jars, not the classes).";
  private static final int LOG_TAIL_LINES = 40;

  private final StackLayout layout;
  private static final String DEMO_USERS = "LEADFLOW_SECURITY_DEMO_USERS_ENABLED";

  private final LaunchOptions options;
  private final StackRunner runner;

  private FunnelStack(StackLayout layout, LaunchOptions options, StackRunner runner) {
    this.layout = layout;
    this.options = options;
    this.runner = runner;
  }

  /** Checks the jars, then starts everything; returns once every service is healthy. */
  static FunnelStack start(Path localDir) throws Exception {
    return start(localDir, "e2e");
  }

  /** @param schemaLabel starts this run's schema names, so each test class's schemas are told apart */
  static FunnelStack start(Path localDir, String schemaLabel) throws Exception {
    return start(localDir, schemaLabel, Map.of());
  }

  /** @param everyService settings (environment variables) given to every service besides its own */
  static FunnelStack start(Path localDir, String schemaLabel, Map<String, String> everyService) throws Exception {
    String registryVersion = System.getProperty("apicurio.registry.version");
    Path repo = Path.of("").toAbsolutePath().getParent();
    StackLayout layout = new StackLayout(repo, localDir,
        Path.of(System.getProperty("leadflow.kafka.lib.dir")),
        Path.of(System.getProperty("leadflow.local.dir"), "dist", "apicurio-registry-" + registryVersion,
            "apicurio-registry-app-" + registryVersion + "-runner.jar"),
        "0.1.0-SNAPSHOT");
    requireFreshJars(layout);
    String postgres = System.getProperty("leadflow.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    requireReachable(postgres);
    String prefix = schemaLabel + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
    LaunchOptions options = LaunchOptions.parse(
        "--kafka-port", "" + PortCheck.freePort(), "--controller-port", "" + PortCheck.freePort(), "--registry-port", "" + PortCheck.freePort(),
        "--identity-port", "" + PortCheck.freePort(), "--service-port-base", "" + PortCheck.freePortRange(ServiceSpec.COUNT),
        "--postgres", postgres, "--postgres-user", POSTGRES_USER, "--schema-prefix", prefix);
    ServiceExtras extras = new ServiceExtras(
        // the launcher's own JVM options (C1 only, the serial collector): quick to start and warm
        List.of(),
        // every lead of the test comes from one address, faster than any visitor types; the API calls
        // of the people in the funnel sign in as the demo users with HTTP Basic (the browser test signs
        // in at the identity provider)
        // intake logs JSON (Elastic Common Schema), the one setting docker-compose sets for every service
        Map.of("intake-service", with(everyService, Map.of("LEADFLOW_INTAKE_RATE_LIMIT_ENABLED", "false",
                DEMO_USERS, "true", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")),
            "review-service", with(everyService, Map.of(DEMO_USERS, "true")),
            "insurance-service", with(everyService, Map.of(DEMO_USERS, "true")),
            "matching-service", with(everyService, Map.of(DEMO_USERS, "true")),
            // carla reads the mail outreach's local server took
            "outreach-service", with(everyService, Map.of(DEMO_USERS, "true"))),
        false);
    StackRunner runner = new StackRunner(layout, options, new Console(System.out, false), extras);
    FunnelStack stack = new FunnelStack(layout, options, runner);
    try {
      runner.start();
    } catch (StartupFailure | RuntimeException e) {
      String logs = stack.tails("intake-service", "review-service", "insurance-service", "matching-service",
          "outreach-service");
      stack.close();
      throw new AssertionError("the stack did not come up: " + e.getMessage() + "\n" + logs, e);
    }
    return stack;
  }

  private static Map<String, String> with(Map<String, String> shared, Map<String, String> own) {
    Map<String, String> all = new java.util.HashMap<>(shared);
    all.putAll(own);
    return Map.copyOf(all);
  }

  /**
   * The jars are what runs: a missing one cannot run, and one older than its sources (or than the
   * platform and schemas it bundles) would test yesterday's code.
   */
  static void requireFreshJars(StackLayout layout) throws IOException {
    List<String> problems = new ArrayList<>();
    for (ServiceSpec service : ServiceSpec.ALL) {
      Path jar = layout.serviceJar(service.module());
      if (!Files.isRegularFile(jar)) {
        problems.add(jar + " is missing.");
        continue;
      }
      FileTime built = Files.getLastModifiedTime(jar);
      for (String module : List.of(service.module(), "platform", "schemas")) {
        Path sources = layout.repoDir().resolve(module).resolve("src").resolve("main");
        if (newestFileIn(sources).compareTo(built) > 0) {
          problems.add(jar + " is older than the sources in " + sources + ".");
        }
      }
    }
    Path identity = layout.serviceJar(IdentityProcess.MODULE);
    if (!Files.isRegularFile(identity)) {
      problems.add(identity + " is missing.");
    } else if (newestFileIn(layout.repoDir().resolve(IdentityProcess.MODULE).resolve("src").resolve("main"))
        .compareTo(Files.getLastModifiedTime(identity)) > 0) {
      problems.add(identity + " is older than its sources.");
    }
    if (!problems.isEmpty()) {
      problems.add(BUILD_HINT);
      throw new AssertionError(String.join("\n", problems));
    }
  }

  private static FileTime newestFileIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return FileTime.fromMillis(0);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(file -> {
        try {
          return Files.getLastModifiedTime(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
    }
  }

  private static void requireReachable(String url) {
    try (Connection ignored = DriverManager.getConnection(url, POSTGRES_USER, "")) {
      // reachable
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + url + " is not reachable as " + POSTGRES_USER
          + " (set -Dleadflow.test.postgres.url): " + e.getMessage(), e);
    }
  }

  String baseUrl(String module) {
    return runner.services().stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().baseUrl();
  }

  /** The identity provider staff sign in at. */
  /** Everything an instance wrote to its standard output and error, as the launcher keeps it. */
  Path logOf(String instanceName) {
    return layout.logFile(instanceName);
  }

  String identityIssuer() {
    return IdentityProcess.issuerAt(options.identityPort());
  }

  String bootstrapServers() {
    return "localhost:" + options.kafkaPort();
  }

  String registryUrl() {
    return "http://localhost:" + options.registryPort();
  }

  /**
   * Another instance of a service, alike but for its port, started while other work goes on;
   * stopped with the rest. Completes once it is healthy.
   */
  CompletableFuture<ServiceSpec> startAnotherInstanceInBackground(String module, String instanceName) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        int port = PortCheck.freePort();
        runner.startAnotherInstance(module, instanceName, port);
        return runner.services().stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow()
            .onPort(port);
      } catch (StartupFailure | IOException e) {
        throw new AssertionError(instanceName + " did not come up: " + e.getMessage() + "\n" + tails(instanceName), e);
      }
    });
  }

  /** Kills the service at once (SIGKILL), as a crash would. */
  void kill(String module) {
    runner.killService(module);
  }

  /** Starts a killed service again on its port and schema; returns once it is healthy. */
  void restart(String module) {
    starting(module, () -> runner.restartService(module));
  }

  void stopBroker() {
    runner.stopBroker();
  }

  void startBroker() {
    starting("kafka", runner::startBroker);
  }

  void stopRegistry() {
    runner.stopRegistry();
  }

  void startRegistry() {
    starting("registry", runner::startRegistry);
  }

  private interface Start {
    void run() throws StartupFailure;
  }

  private void starting(String name, Start start) {
    try {
      start.run();
    } catch (StartupFailure e) {
      throw new AssertionError(name + " did not come back: " + e.getMessage() + "\n" + tails(name), e);
    }
  }

  /** The last lines of the named logs (modules or instance names), to explain a failed wait. */
  String tails(String... names) {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      Path log = layout.logFile(name);
      text.append("\n----- last lines of ").append(log).append(" -----\n");
      try {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
            .forEach(line -> text.append(line).append('\n'));
      } catch (IOException e) {
        text.append("(unreadable: ").append(e).append(")\n");
      }
    }
    return text.toString();
  }

  Path logFile(String name) {
    return layout.logFile(name);
  }

  /** Stops every process, then drops this run's schemas. */
  @Override
  public void close() {
    runner.stop();
    try {
      options.database().dropSchemas(ServiceSpec.ALL);
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the schemas " + options.database().schemaPrefix() + "*", e);
    }
  }
}
