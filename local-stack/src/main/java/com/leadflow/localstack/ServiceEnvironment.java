package com.leadflow.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a service is told when it starts, as environment variables that Spring Boot maps onto
 * its settings: the stack's addresses, its database, the identity provider, and the addresses of the other services it
 * points people or calls at. The addresses follow the run's ports, so a stack on other ports is
 * wired as consistently as one on the usual ones.
 */
final class ServiceEnvironment {

  private ServiceEnvironment() {}

  /**
   * @param stack every service of this run, to find the ones {@code service} links to
   * @param database the shared PostgreSQL database, or null for the embedded ones
   */
  static Map<String, String> of(ServiceSpec service, List<ServiceSpec> stack, String bootstrapServers,
      String registryApiUrl, String dataDir, ServiceDatabase database) {
    return of(service, stack, bootstrapServers, registryApiUrl, dataDir, database,
        IdentityProcess.issuerAt(LaunchOptions.DEFAULT_IDENTITY_PORT));
  }

  /** @param issuerUri the identity provider staff sign in at; the service is its client (id = module name) */
  static Map<String, String> of(ServiceSpec service, List<ServiceSpec> stack, String bootstrapServers,
      String registryApiUrl, String dataDir, ServiceDatabase database, String issuerUri) {
    Map<String, String> env = new LinkedHashMap<>(service.environment(bootstrapServers, registryApiUrl, dataDir));
    env.put("LEADFLOW_SECURITY_ISSUER_URI", issuerUri);
    env.put("LEADFLOW_SECURITY_CLIENT_SECRET", IdentityProcess.clientSecret(service.module()));
    if (database != null) {
      env.putAll(database.environment(service));
    }
    env.putAll(links(service, stack));
    return env;
  }

  /**
   * The other services a service refers to. Review-service shows clinicians links to imaging
   * files, which intake serves ({@code leadflow.review.imaging-base-url}). The ops console watches
   * every other service ({@code leadflow.ops.services}) and links lead ids to intake's care view.
   * Intake's care view shows a lead's messages from outreach, and intake's status links start with its
   * own address on this run. Outreach puts links to itself in messages, asks intake for each visitor's
   * status link, and runs its local mail server on ports beside its own.
   */
  static Map<String, String> links(ServiceSpec service, List<ServiceSpec> stack) {
    Map<String, String> env = new LinkedHashMap<>();
    if (service.module().equals("review-service")) {
      find(stack, "intake-service").ifPresent(intake -> env.put("LEADFLOW_REVIEW_IMAGING_BASE_URL", intake.baseUrl()));
    }
    if (service.module().equals("intake-service")) {
      // the care view shows a lead's messages, which outreach keeps
      find(stack, "outreach-service").ifPresent(outreach -> env.put("LEADFLOW_INTAKE_OUTREACH_URL", outreach.baseUrl()));
      env.put("LEADFLOW_INTAKE_STATUS_PUBLIC_URL", service.baseUrl());
    }
    if (service.module().equals("ops-console")) {
      List<ServiceSpec> watched = stack.stream().filter(other -> !other.module().equals(service.module())).toList();
      for (int i = 0; i < watched.size(); i++) {
        env.put("LEADFLOW_OPS_SERVICES_" + i + "_NAME", watched.get(i).module());
        env.put("LEADFLOW_OPS_SERVICES_" + i + "_URL", watched.get(i).baseUrl());
      }
      find(stack, "intake-service").ifPresent(intake -> env.put("LEADFLOW_OPS_CARE_MANAGER_URL", intake.baseUrl() + "/care/"));
    }
    if (service.module().equals("outreach-service")) {
      env.put("LEADFLOW_OUTREACH_PRACTICE_PUBLIC_URL", service.baseUrl());
      find(stack, "intake-service").ifPresent(intake -> env.put("LEADFLOW_OUTREACH_INTAKE_URL", intake.baseUrl()));
      env.put("SPRING_MAIL_PORT", Integer.toString(service.localSmtpPort()));
      env.put("LEADFLOW_OUTREACH_MAIL_LOCAL_SERVER_IMAP_PORT", Integer.toString(service.localSmtpPort() + 1));
    }
    return env;
  }

  private static Optional<ServiceSpec> find(List<ServiceSpec> stack, String module) {
    return stack.stream().filter(s -> s.module().equals(module)).findFirst();
  }
}
