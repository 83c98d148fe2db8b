package com.leadflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service's fat jar, run with {@code java -jar} and the stack's addresses in its environment. */
final class ServiceProcess {

  /** Default heap cap, so four services plus broker and registry fit a laptop; override per run. */
  static final String DEFAULT_JAVA_OPTS = "-Xmx256m";
  static final String JAVA_OPTS_VARIABLE = "LEADFLOW_SERVICE_JAVA_OPTS";

  private final ServiceSpec service;
  private final StackLayout layout;
  private final Map<String, String> environment;

  ServiceProcess(ServiceSpec service, StackLayout layout, int kafkaPort, String registryApiUrl) {
    this.service = service;
    this.layout = layout;
    this.environment = service.environment("localhost:" + kafkaPort, registryApiUrl,
        layout.dataDir().toString());
  }

  ServiceSpec service() {
    return service;
  }

  Path jar() {
    return layout.serviceJar(service.module());
  }

  boolean jarExists() {
    return Files.isRegularFile(jar());
  }

  ChildProcess.Spec spec(Console console) {
    List<String> command = new ArrayList<>();
    command.add(Java.executable());
    command.addAll(javaOpts(System.getenv(JAVA_OPTS_VARIABLE)));
    command.add("-jar");
    command.add(jar().toString());
    return new ChildProcess.Spec(service.module(), command, environment, layout.repoDir(),
        layout.logFile(service.module()), layout.runDir(), console, console.prefixer(service.label()), null,
        null);
  }

  static List<String> javaOpts(String fromEnvironment) {
    String opts = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_JAVA_OPTS : fromEnvironment;
    return List.of(opts.trim().split("\\s+"));
  }

  boolean isHealthy() {
    return ServiceSpec.isUp(Http.get(service.healthUrl()));
  }
}
