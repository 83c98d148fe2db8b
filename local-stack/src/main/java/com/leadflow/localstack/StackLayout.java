package com.leadflow.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;

/**
 * Where everything lives. All state is under {@code <repo>/.local} (git-ignored) so that a
 * fresh clone needs nothing installed and {@code --reset} knows exactly what to wipe.
 */
public record StackLayout(
    Path repoDir, Path localDir, Path kafkaLibDir, Path registryRunnerJar, String projectVersion) {

  public static StackLayout forRepo(Path repoDir, BuildInfo build) {
    Path repo = repoDir.toAbsolutePath().normalize();
    Path local = repo.resolve(".local");
    String registry = build.registryVersion();
    return new StackLayout(
        repo,
        local,
        repo.resolve("local-stack").resolve("target").resolve("kafka-lib"),
        local.resolve("dist").resolve("apicurio-registry-" + registry)
            .resolve("apicurio-registry-app-" + registry + "-runner.jar"),
        build.projectVersion());
  }

  /**
   * The launcher normally runs as {@code <repo>/local-stack/target/local-stack.jar} (or from
   * {@code target/classes} in an IDE), so the checkout is two levels above the target folder.
   * Failing that, the working directory or one of its parents.
   */
  public static StackLayout locate(Path explicitRepo, BuildInfo build) {
    if (explicitRepo != null) {
      return forRepo(explicitRepo, build);
    }
    Optional<Path> besideJar = ownModuleDir().map(Path::getParent).filter(StackLayout::isCheckout);
    if (besideJar.isPresent()) {
      return forRepo(besideJar.get(), build);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (isCheckout(dir)) {
        return forRepo(dir, build);
      }
    }
    throw new IllegalStateException(
        "cannot tell where the leadflow checkout is; run from inside it or pass --repo <dir>");
  }

  static boolean isCheckout(Path dir) {
    return dir != null
        && Files.isRegularFile(dir.resolve("pom.xml"))
        && Files.isRegularFile(dir.resolve("local-stack").resolve("pom.xml"));
  }

  /** {@code <repo>/local-stack}, seen from the jar or classes folder this class was loaded from. */
  private static Optional<Path> ownModuleDir() {
    CodeSource source = StackLayout.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path targetDir = Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
      return Optional.ofNullable(targetDir).map(Path::getParent);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Kafka's own command-line tools, collected apart from the broker's jars (see local-stack/kafka.sh). */
  public Path kafkaToolsLibDir() {
    return kafkaLibDir.resolveSibling("kafka-tools-lib");
  }

  public Path kafkaDir() {
    return localDir.resolve("kafka");
  }

  public Path kafkaDataDir() {
    return kafkaDir().resolve("data");
  }

  public Path clusterIdFile() {
    return kafkaDir().resolve("cluster.id");
  }

  public Path serverProperties() {
    return kafkaDir().resolve("server.properties");
  }

  public Path brokerLog4jConfig() {
    return kafkaLibDir.resolve("log4j2.xml");
  }

  /** The registry keeps its schemas in an H2 file here, so schema ids stay valid for the records on disk. */
  public Path registryDir() {
    return localDir.resolve("registry");
  }

  /** The services' embedded databases (LEADFLOW_DATA_DIR). */
  public Path dataDir() {
    return localDir.resolve("data");
  }

  public Path logsDir() {
    return localDir.resolve("logs");
  }

  public Path logFile(String name) {
    return logsDir().resolve(name + ".log");
  }

  /** Pid files of running children, to explain a port held by a launcher that was killed hard. */
  public Path runDir() {
    return localDir.resolve("run");
  }

  public Path serviceJar(String module) {
    return repoDir.resolve(module).resolve("target").resolve(module + "-" + projectVersion + ".jar");
  }

  /** What {@code --reset} deletes: every piece of state, but not the unpacked registry in .local/dist. */
  public List<Path> resettable() {
    return List.of(kafkaDir(), registryDir(), dataDir());
  }
}
