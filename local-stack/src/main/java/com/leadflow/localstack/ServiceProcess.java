package com.leadflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service's fat jar, run with {@code java -jar} and the stack's addresses in its environment. */
final class ServiceProcess {

  /**
   * Four services, the broker and the registry share one machine here, often of two cores. A heap
   * cap keeps them on a laptop; C1 alone (no C2) and the serial collector stop the JVMs from
   * spending those cores on compiling and collecting while the stack starts: healthy after about 40 s
   * instead of 75. After a warm-up C2's code carries more, so the benchmark and a deployment with
   * cores of its own (the Dockerfile) keep the JVM's own JIT (README, "Benchmark").
   */
  static final String DEFAULT_JAVA_OPTS = "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
  static final String JAVA_OPTS_VARIABLE = "LEADFLOW_SERVICE_JAVA_OPTS";

  private final String name;
  private final ServiceSpec service;
  private final StackLayout layout;
  private final Map<String, String> environment;
  private final ServiceExtras extras;

  /** The service on its usual port with the embedded database, linked to the others on theirs. */
  ServiceProcess(ServiceSpec service, StackLayout layout, int kafkaPort, String registryApiUrl) {
    this(service.module(), service, layout, ServiceEnvironment.of(service, ServiceSpec.ALL, "localhost:" + kafkaPort,
        registryApiUrl, layout.dataDir().toString(), null), ServiceExtras.NONE);
  }

  /** @param name names the log and pid files: the module, or e.g. "insurance-service-2" for another instance */
  ServiceProcess(String name, ServiceSpec service, StackLayout layout, Map<String, String> environment,
      ServiceExtras extras) {
    this.name = name;
    this.service = service;
    this.layout = layout;
    this.environment = Map.copyOf(environment);
    this.extras = extras;
  }

  /**
   * The same service once more on another port, otherwise alike: same database schema, same
   * consumer groups, so the two share the work as instances of one service do in production.
   */
  ServiceProcess anotherInstance(String instanceName, int port) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("SERVER_PORT", Integer.toString(port));
    return new ServiceProcess(instanceName, service.onPort(port), layout, env, extras);
  }

  String name() {
    return name;
  }

  ServiceSpec service() {
    return service;
  }

  Map<String, String> environment() {
    return environment;
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
    command.addAll(extras.javaOpts().isEmpty() ? javaOpts(System.getenv(JAVA_OPTS_VARIABLE)) : extras.javaOpts());
    command.add("-jar");
    command.add(jar().toString());
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.putAll(extras.environmentOf(service.module()));
    Console echo = extras.echoToConsole() ? console : null;
    return new ChildProcess.Spec(name, command, env, layout.repoDir(), layout.logFile(name), layout.runDir(), echo,
        echo == null ? null : console.prefixer(service.label()), null, null, service.niceness());
  }

  static List<String> javaOpts(String fromEnvironment) {
    String opts = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_JAVA_OPTS : fromEnvironment;
    return List.of(opts.trim().split("\\s+"));
  }

  boolean isHealthy() {
    return ServiceSpec.isUp(Http.get(service.healthUrl()));
  }
}
