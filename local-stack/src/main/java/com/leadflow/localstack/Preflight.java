package com.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything checked before the first process starts, so that a missing build or a taken port
 * ends the run in a second with one clear message instead of a half-started stack.
 */
final class Preflight {

  static final String BUILD_HINT = "Build first: ./mvnw -q package -DskipTests";

  private Preflight() {}

  static void check(StackLayout layout, LaunchOptions options, List<ServiceProcess> services)
      throws StartupFailure {
    List<String> problems = new ArrayList<>(missingArtifacts(layout, services));
    if (!problems.isEmpty()) {
      problems.add(BUILD_HINT + (services.isEmpty() ? "" : " (or start with --no-services)"));
      throw new StartupFailure(String.join("\n", problems));
    }
    problems.addAll(PortCheck.problems(claims(options, services)));
    if (!problems.isEmpty()) {
      List<String> leftovers = Leftovers.describe(layout.runDir());
      if (!leftovers.isEmpty()) {
        problems.add("Most likely an earlier run was killed hard and left these behind:");
        leftovers.forEach(line -> problems.add("  " + line));
      }
      throw new StartupFailure(String.join("\n", problems));
    }
  }

  static List<String> missingArtifacts(StackLayout layout, List<ServiceProcess> services) {
    List<String> missing = new ArrayList<>();
    if (!hasJars(layout.kafkaLibDir()) || !Files.isRegularFile(layout.brokerLog4jConfig())) {
      missing.add("The Kafka broker's jars are missing from " + layout.kafkaLibDir() + ".");
    }
    Path identityJar = layout.serviceJar(IdentityProcess.MODULE);
    if (!Files.isRegularFile(identityJar)) {
      missing.add("The identity provider is not built: " + identityJar + " is missing.");
    }
    if (!Files.isRegularFile(layout.registryRunnerJar())) {
      missing.add("The schema registry is not unpacked: " + layout.registryRunnerJar() + " is missing.");
    }
    for (ServiceProcess service : services) {
      if (!service.jarExists()) {
        missing.add(service.service().module() + " is not built: " + service.jar() + " is missing.");
      }
    }
    return missing;
  }

  private static boolean hasJars(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(file -> file.getFileName().toString().startsWith("kafka_2.13-"));
    } catch (IOException e) {
      return false;
    }
  }

  static List<PortCheck.Claim> claims(LaunchOptions options, List<ServiceProcess> services) {
    List<PortCheck.Claim> claims = new ArrayList<>();
    claims.add(new PortCheck.Claim(options.kafkaPort(), "Kafka broker", "Choose another with --kafka-port."));
    claims.add(new PortCheck.Claim(options.controllerPort(), "Kafka controller",
        "Choose another with --controller-port."));
    claims.add(new PortCheck.Claim(options.registryPort(), "schema registry",
        "Choose another with --registry-port."));
    claims.add(new PortCheck.Claim(options.identityPort(), "identity provider",
        "Choose another with --identity-port."));
    for (ServiceProcess service : services) {
      claims.add(new PortCheck.Claim(service.service().port(), service.service().module(),
          "Choose other service ports with --service-port-base, or start with --no-services."));
    }
    return claims;
  }

  /** Deletes topics, schemas and service databases; the unpacked registry in .local/dist stays. */
  static List<Path> reset(StackLayout layout) {
    List<Path> wiped = new ArrayList<>();
    for (Path dir : layout.resettable()) {
      if (Files.exists(dir)) {
        deleteTree(dir);
        wiped.add(dir);
      }
    }
    return wiped;
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }

  /** Each log holds one run, so what a failure points at is about this run only. */
  static void clearLogs(StackLayout layout, List<String> names) {
    try {
      Files.createDirectories(layout.logsDir());
      for (String name : names) {
        Files.deleteIfExists(layout.logFile(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
