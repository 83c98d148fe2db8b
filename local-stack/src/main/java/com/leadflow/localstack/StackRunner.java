package com.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Brings the stack up in dependency order (broker and registry together, then the services),
 * watches it, and takes it down in reverse order, once, from whichever thread asks first.
 */
public final class StackRunner {

  static final Duration BROKER_START = Duration.ofSeconds(90);
  // a restart beside the running services loads every partition's log while their clients reconnect: on a
  // busy 2-core machine that took 84 s of the first start's 6
  static final Duration BROKER_RESTART = Duration.ofSeconds(180);
  static final Duration REGISTRY_START = Duration.ofSeconds(120);
  static final Duration IDENTITY_START = Duration.ofSeconds(120);
  // four Spring Boot services starting together on two cores take a while
  static final Duration SERVICES_START = Duration.ofSeconds(240);
  static final Duration SERVICE_STOP = Duration.ofSeconds(20);
  static final Duration REGISTRY_STOP = Duration.ofSeconds(15);
  static final Duration BROKER_STOP = Duration.ofSeconds(30);

  private final StackLayout layout;
  private final LaunchOptions options;
  private final Console console;
  private final BrokerProcess brokerProcess;
  private final RegistryProcess registryProcess;
  private final IdentityProcess identityProcess;
  private final List<ServiceProcess> serviceProcesses;
  private final StopSignal stopSignal = new StopSignal();
  private final long startedAt = System.nanoTime();

  private final Object lifecycle = new Object();
  private boolean stopped;
  private ChildProcess broker;
  private ChildProcess registry;
  private ChildProcess identity;
  private final List<ChildProcess> services = new ArrayList<>();
  // every service instance started so far, by name, so a stopped one can be started again alike
  private final Map<String, ServiceProcess> instances = new ConcurrentHashMap<>();

  public StackRunner(StackLayout layout, LaunchOptions options, Console console) {
    this(layout, options, console, ServiceExtras.NONE);
  }

  /** @param extras what an embedding caller (a test, a benchmark) adds to every service it starts */
  public StackRunner(StackLayout layout, LaunchOptions options, Console console, ServiceExtras extras) {
    this.layout = layout;
    this.options = options;
    this.console = console;
    this.brokerProcess = new BrokerProcess(layout, options.kafkaPort(), options.controllerPort());
    this.registryProcess = new RegistryProcess(layout, options.registryPort());
    List<ServiceSpec> stack = options.services();
    this.identityProcess = new IdentityProcess(layout, options.identityPort(), stack);
    this.serviceProcesses = options.noServices() ? List.of() : stack.stream()
        .map(spec -> new ServiceProcess(spec.module(), spec, layout, ServiceEnvironment.of(spec, stack,
            "localhost:" + options.kafkaPort(), registryProcess.apiUrl(), layout.dataDir().toString(),
            options.database(), identityProcess.issuer()), extras))
        .toList();
  }

  /** @return the exit code: 0 after Ctrl-C, 1 if something failed to start or died */
  public int run() {
    try {
      start();
      console.plain(Summary.render(options, registryProcess.baseUrl(), identityProcess.issuer(),
          !serviceProcesses.isEmpty(), layout, elapsedSeconds()));
      if (options.demo()) {
        runDemo();
      }
      ChildProcess gone = awaitFirstExit();
      if (gone == null) {
        return 0;
      }
      console.error(gone.name() + " exited unexpectedly (code " + gone.exitCode()
          + "); stopping the rest. Its log: " + gone.logFile());
      return 1;
    } catch (StartupFailure failure) {
      if (stopSignal.isRaised()) {
        return 0;
      }
      console.error(failure.getMessage());
      return 1;
    } catch (RuntimeException e) {
      console.error("local-stack failed: " + e);
      return 1;
    } finally {
      stop();
    }
  }

  /** Everything, in order; returns once every service is healthy. */
  public void start() throws StartupFailure {
    startInfrastructure();
    startServices();
  }

  /** The broker, the registry and the identity provider, started side by side since none needs another. */
  public void startInfrastructure() throws StartupFailure {
    Preflight.check(layout, options, serviceProcesses);
    if (options.reset()) {
      List<Path> wiped = Preflight.reset(layout);
      console.info("--reset: wiped " + (wiped.isEmpty() ? "nothing (no data yet)" : wiped));
    }
    List<String> logNames = new ArrayList<>(List.of(BrokerProcess.NAME, RegistryProcess.NAME, IdentityProcess.NAME));
    serviceProcesses.forEach(s -> logNames.add(s.name()));
    Preflight.clearLogs(layout, logNames);
    createDirectories();

    if (brokerProcess.prepare()) {
      console.info("formatted a new Kafka data folder: " + layout.kafkaDataDir());
    }
    ChildProcess kafka = launch(brokerProcess.spec(), child -> broker = child);
    ChildProcess schemas = launch(registryProcess.spec(), child -> registry = child);
    ChildProcess signIn = launch(identityProcess.spec(), child -> identity = child);
    console.info("starting kafka (log: " + kafka.logFile() + "), the schema registry (log: "
        + schemas.logFile() + ") and the identity provider (log: " + signIn.logFile() + ")");

    brokerProcess.awaitReady(kafka, Waits.Watch.of(this::children, stopSignal, BROKER_START));
    console.info(String.format("kafka ready on localhost:%d after %.1f s", options.kafkaPort(), elapsedSeconds()));
    registryProcess.awaitReady(schemas, Waits.Watch.of(this::children, stopSignal, REGISTRY_START));
    registryProcess.requireBackwardCompatibility();
    console.info(String.format("schema registry ready on %s after %.1f s (global compatibility: BACKWARD)",
        registryProcess.baseUrl(), elapsedSeconds()));
    identityProcess.awaitReady(signIn, Waits.Watch.of(this::children, stopSignal, IDENTITY_START));
    console.info(String.format("identity provider ready on %s after %.1f s", identityProcess.issuer(), elapsedSeconds()));
  }

  private void startServices() throws StartupFailure {
    if (serviceProcesses.isEmpty()) {
      return;
    }
    Map<ServiceProcess, ChildProcess> pending = new LinkedHashMap<>();
    for (ServiceProcess service : serviceProcesses) {
      instances.put(service.name(), service);
      pending.put(service, launch(service.spec(console), services::add));
    }
    console.info("starting " + serviceProcesses.size() + " services; their logs are in " + layout.logsDir());
    awaitHealthy(pending);
  }

  /**
   * Starts one more instance of a running service on {@code port}: same database and consumer
   * groups, so the two share the work. It is stopped with the rest. Returns once it is healthy.
   */
  public ChildProcess startAnotherInstance(String module, String instanceName, int port) throws StartupFailure {
    ServiceProcess first = serviceProcesses.stream().filter(s -> s.service().module().equals(module)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(module + " is not part of this stack"));
    ServiceProcess another = first.anotherInstance(instanceName, port);
    if (!PortCheck.isFree(port)) {
      throw new StartupFailure(PortCheck.describe(new PortCheck.Claim(port, instanceName, null)));
    }
    Preflight.clearLogs(layout, List.of(instanceName));
    instances.put(instanceName, another);
    ChildProcess child = launch(another.spec(console), services::add);
    awaitHealthy(new LinkedHashMap<>(Map.of(another, child)));
    return child;
  }

  /**
   * Kills a service instance (a module, or an instance name given to {@link #startAnotherInstance})
   * at once, with SIGKILL: no graceful shutdown, as in a crash. Returns once it is gone.
   */
  public void killService(String name) {
    ChildProcess child;
    synchronized (lifecycle) {
      child = services.stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(name + " is not running"));
      services.remove(child);
    }
    child.kill();
    console.info(name + " killed (SIGKILL)");
  }

  /** Starts a killed service instance again as it was: same port, database and consumer groups. */
  public void restartService(String name) throws StartupFailure {
    ServiceProcess service = instances.get(name);
    if (service == null) {
      throw new IllegalArgumentException(name + " was never started");
    }
    if (children().stream().anyMatch(c -> c.name().equals(name) && c.isAlive())) {
      // its health check would answer for the new one, which cannot even bind the port
      throw new IllegalStateException(name + " is still running");
    }
    ChildProcess child = launch(service.spec(console), services::add);
    awaitHealthy(new LinkedHashMap<>(Map.of(service, child)));
  }

  /** Stops the broker gracefully; its data folder and ports stay for {@link #startBroker()}. */
  public void stopBroker() {
    stopInfrastructure(true);
  }

  /** Starts the broker again on the same ports and data folder; returns once it serves requests. */
  public void startBroker() throws StartupFailure {
    ChildProcess kafka = launch(brokerProcess.spec(), child -> broker = child);
    brokerProcess.awaitReady(kafka, Waits.Watch.of(this::children, stopSignal, BROKER_RESTART));
    console.info("kafka started again on localhost:" + options.kafkaPort());
  }

  /** Stops the schema registry; its H2 file under .local/registry keeps the schemas. */
  public void stopRegistry() {
    stopInfrastructure(false);
  }

  /** Starts the registry again on the same port and database; returns once it is ready. */
  public void startRegistry() throws StartupFailure {
    ChildProcess schemas = launch(registryProcess.spec(), child -> registry = child);
    registryProcess.awaitReady(schemas, Waits.Watch.of(this::children, stopSignal, REGISTRY_START));
    console.info("schema registry started again on " + registryProcess.baseUrl());
  }

  private void stopInfrastructure(boolean kafka) {
    ChildProcess child;
    synchronized (lifecycle) {
      child = kafka ? broker : registry;
      // out of the watched children first, so its exit is not taken for a crash
      if (kafka) {
        broker = null;
      } else {
        registry = null;
      }
    }
    if (child != null) {
      stopTogether(List.of(child), kafka ? BROKER_STOP : REGISTRY_STOP);
    }
  }

  /** The services of this run, with their ports. */
  public List<ServiceSpec> services() {
    return serviceProcesses.stream().map(ServiceProcess::service).toList();
  }

  /** Each running child's process id by name: kafka, registry, and the service instances. */
  public Map<String, Long> processIds() {
    Map<String, Long> pids = new LinkedHashMap<>();
    children().forEach(child -> pids.put(child.name(), child.pid()));
    return pids;
  }

  private void awaitHealthy(Map<ServiceProcess, ChildProcess> pending) throws StartupFailure {
    Waits.Watch watch = Waits.Watch.of(this::children, stopSignal, SERVICES_START);
    while (!pending.isEmpty()) {
      watch.check();
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        if (entry.getKey().isHealthy()) {
          console.info(String.format("%s healthy on port %d after %.1f s", entry.getKey().name(),
              entry.getKey().service().port(), elapsedSeconds()));
          it.remove();
        }
      }
      if (!pending.isEmpty() && watch.expired()) {
        throw StartupFailure.timedOut(pending.values().iterator().next(), SERVICES_START, "healthy");
      }
      stopSignal.await(Duration.ofMillis(500));
    }
  }

  /** Submits the demo leads once everything is healthy, and says where to watch them. */
  void runDemo() {
    if (serviceProcesses.isEmpty()) {
      console.info("--demo needs the services; with --no-services there is nobody to submit leads to");
      return;
    }
    List<ServiceSpec> stack = options.services();
    List<Demo.DemoLead> leads = Demo.leads();
    console.info("--demo: submitting " + leads.size() + " leads to intake, as visitors of the form would");
    List<Demo.Outcome> outcomes = new Demo(stack.get(0).baseUrl(), stopSignal::await).submitAll(leads);
    console.plain(Demo.render(outcomes, Summary.careManagerView(stack), Summary.clinicianQueue(stack)));
  }

  /** @return the child that exited on its own, or null if the stack was told to stop */
  private ChildProcess awaitFirstExit() {
    List<ChildProcess> watched = children();
    List<CompletableFuture<?>> exits = new ArrayList<>();
    watched.forEach(child -> exits.add(child.onExit()));
    exits.add(stopSignal.future());
    CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
    if (stopSignal.isRaised()) {
      return null;
    }
    return watched.stream().filter(child -> !child.isAlive()).findFirst().orElse(null);
  }

  /** Starting and stopping share one lock, so no child can slip in after the stop began. */
  private ChildProcess launch(ChildProcess.Spec spec, Consumer<ChildProcess> register)
      throws StartupFailure {
    synchronized (lifecycle) {
      if (stopped) {
        throw StartupFailure.stopping();
      }
      ChildProcess child = ChildProcess.start(spec);
      register.accept(child);
      return child;
    }
  }

  /** Idempotent; called on Ctrl-C (shutdown hook), after a failure, and when a child dies. */
  public void stop() {
    synchronized (lifecycle) {
      if (stopped) {
        return;
      }
      stopped = true;
      stopSignal.raise();
      if (children().isEmpty()) {
        return;
      }
      console.info("stopping: services first, then the registry and the identity provider, then kafka");
      stopTogether(services, SERVICE_STOP);
      stopTogether(Stream.of(registry, identity).filter(child -> child != null).toList(), REGISTRY_STOP);
      stopTogether(broker == null ? List.of() : List.of(broker), BROKER_STOP);
      console.info("everything stopped");
    }
  }

  private void stopTogether(List<ChildProcess> group, Duration timeout) {
    long begin = System.nanoTime();
    List<ChildProcess> running = group.stream().filter(ChildProcess::isAlive).toList();
    group.forEach(ChildProcess::requestStop);
    List<String> graceful = new ArrayList<>();
    for (ChildProcess child : group) {
      if (!child.awaitStop(timeout)) {
        console.error(child.name() + " did not stop within " + timeout.toSeconds() + " s; killed it");
      } else if (running.contains(child)) {
        graceful.add(child.name());
      }
    }
    if (!graceful.isEmpty()) {
      console.info(String.format("stopped %s (%.1f s)", String.join(", ", graceful),
          (System.nanoTime() - begin) / 1e9));
    }
  }

  private List<ChildProcess> children() {
    synchronized (lifecycle) {
      return Stream.concat(services.stream(), Stream.of(registry, identity, broker))
          .filter(child -> child != null)
          .toList();
    }
  }

  private void createDirectories() {
    try {
      Files.createDirectories(layout.dataDir());
      Files.createDirectories(layout.registryDir());
      Files.createDirectories(layout.runDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private double elapsedSeconds() {
    return (System.nanoTime() - startedAt) / 1e9;
  }
}
