package com.leadflow.localstack;

import java.util.List;
import java.util.Map;

/**
 * What a caller that embeds the launcher (the end-to-end test, a benchmark) adds to the services
 * it starts. The command line never sets these: a person running the stack gets the services as
 * they are configured.
 *
 * @param javaOpts JVM options instead of the launcher's defaults (and of LEADFLOW_SERVICE_JAVA_OPTS); empty: those
 * @param environment further settings per module, e.g. {@code intake-service -> LEADFLOW_INTAKE_RATE_LIMIT_ENABLED=false}
 * @param echoToConsole whether the services' output also goes to the console, not only to their log files
 */
public record ServiceExtras(List<String> javaOpts, Map<String, Map<String, String>> environment,
    boolean echoToConsole) {

  public static final ServiceExtras NONE = new ServiceExtras(List.of(), Map.of(), true);

  public ServiceExtras {
    javaOpts = List.copyOf(javaOpts);
    environment = Map.copyOf(environment);
  }

  Map<String, String> environmentOf(String module) {
    return environment.getOrDefault(module, Map.of());
  }
}
