package com.leadflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity provider (the {@code identity} module's jar): the OpenID Connect provider holding the
 * demo users, where staff sign in once for every service. Its clients are the services on this run's
 * ports, so it is told their addresses.
 */
final class IdentityProcess {

  static final String NAME = "identity";
  static final String MODULE = "identity";

  private final StackLayout layout;
  private final int port;
  private final List<ServiceSpec> services;

  IdentityProcess(StackLayout layout, int port, List<ServiceSpec> services) {
    this.layout = layout;
    this.port = port;
    this.services = services;
  }

  /** Where browsers and services find the provider; the services' issuer setting. */
  String issuer() {
    return issuerAt(port);
  }

  static String issuerAt(int port) {
    return "http://localhost:" + port;
  }

  /** Each service's client secret at the local provider (a demo value, as the passwords are). */
  static String clientSecret(String module) {
    return module + "-demo-secret";
  }

  Path jar() {
    return layout.serviceJar(MODULE);
  }

  boolean jarExists() {
    return Files.isRegularFile(jar());
  }

  ChildProcess.Spec spec() {
    List<String> command = List.of(Java.executable(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar().toString());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("LEADFLOW_IDENTITY_ISSUER", issuer());
    for (ServiceSpec service : services) {
      // LEADFLOW_STACK_INTAKE_URL and so on: the provider's client entries are built from them
      env.put("LEADFLOW_STACK_" + service.shortName().toUpperCase(java.util.Locale.ROOT) + "_URL", service.baseUrl());
    }
    return new ChildProcess.Spec(NAME, command, env, layout.repoDir(), layout.logFile(NAME), layout.runDir(),
        null, null, null, null);
  }

  void awaitReady(ChildProcess child, Waits.Watch watch) throws StartupFailure {
    watch.until(child, () -> Http.get(issuer() + "/.well-known/openid-configuration").ok(), "ready",
        Duration.ofMillis(250));
  }
}
