package com.leadflow.localstack;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line. Hand-parsed: a dozen flags do not justify a runtime dependency, and the
 * launcher stays a jar that runs with nothing else on its classpath.
 *
 * @param identityPort the identity provider's port (staff sign in there)
 * @param servicePortBase the first service's port; the others follow in {@link ServiceSpec#at} order
 * @param database the PostgreSQL database the services share, or null for their embedded ones
 */
public record LaunchOptions(
    boolean reset,
    boolean noServices,
    boolean demo,
    boolean help,
    int kafkaPort,
    int controllerPort,
    int registryPort,
    int identityPort,
    int servicePortBase,
    ServiceDatabase database,
    Path repoDir) {

  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_CONTROLLER_PORT = 9093;
  public static final int DEFAULT_REGISTRY_PORT = 8090;
  // 8085 and 8086 belong to the ops console and the outreach service
  public static final int DEFAULT_IDENTITY_PORT = 8089;
  public static final int DEFAULT_SERVICE_PORT_BASE = 8081;

  public static final String USAGE = """
      Usage: java -jar local-stack/target/local-stack.jar [options]

      Starts a Kafka broker, the Apicurio schema registry, the identity provider (where staff
      sign in), the four leadflow services, the ops console and outreach, with their data
      under <repo>/.local. Ctrl-C stops everything.

        --reset                 wipe .local/kafka, .local/registry and .local/data first
                                (topics, schemas and service databases; the unpacked
                                registry in .local/dist stays)
        --no-services           start only the broker, the registry and the identity
                                provider, e.g. to run a service from the IDE
        --demo                  submit demo leads once everything is up
        --kafka-port <port>     broker port (default 9092)
        --controller-port <p>   KRaft controller port (default 9093)
        --registry-port <port>  schema registry port (default 8090)
        --identity-port <port>  identity provider port (default 8089)
        --service-port-base <n> the services listen on n to n+5 (intake, review, insurance,
                                matching, ops console, outreach; default 8081)
        --postgres <jdbc-url>   run the services on PostgreSQL instead of embedded databases,
                                e.g. jdbc:postgresql://localhost:5432/leadflow; each service
                                gets a schema of its own, named after it
        --postgres-user <name>  default postgres
        --postgres-password <p> default empty
        --schema-prefix <p>     put in front of each schema name (default none: the schemas
                                are intake, review, insurance, matching, outreach)
        --repo <dir>            the leadflow checkout (default: found from the jar's location)
        -h, --help              show this help
      """;

  public static LaunchOptions defaults() {
    return new LaunchOptions(false, false, false, false,
        DEFAULT_KAFKA_PORT, DEFAULT_CONTROLLER_PORT, DEFAULT_REGISTRY_PORT, DEFAULT_IDENTITY_PORT,
        DEFAULT_SERVICE_PORT_BASE, null, null);
  }

  public static LaunchOptions parse(String... args) {
    Deque<String> queue = new ArrayDeque<>(List.of(args));
    LaunchOptions options = defaults();
    // the database flags only make sense together, so they are combined once all are read
    Map<String, String> databaseFlags = new LinkedHashMap<>();
    while (!queue.isEmpty()) {
      String arg = queue.removeFirst();
      String inlineValue = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        inlineValue = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      options = switch (arg) {
        case "--reset" -> flag(options, arg, inlineValue).withReset();
        case "--no-services" -> flag(options, arg, inlineValue).withNoServices();
        case "--demo" -> flag(options, arg, inlineValue).withDemo();
        case "-h", "--help" -> flag(options, arg, inlineValue).withHelp();
        case "--kafka-port" -> options.withKafkaPort(port(arg, value(arg, inlineValue, queue)));
        case "--controller-port" ->
            options.withControllerPort(port(arg, value(arg, inlineValue, queue)));
        case "--registry-port" -> options.withRegistryPort(port(arg, value(arg, inlineValue, queue)));
        case "--identity-port" -> options.withIdentityPort(port(arg, value(arg, inlineValue, queue)));
        case "--service-port-base" ->
            options.withServicePortBase(portBase(arg, value(arg, inlineValue, queue)));
        case "--postgres", "--postgres-user", "--postgres-password", "--schema-prefix" -> {
          databaseFlags.put(arg, value(arg, inlineValue, queue));
          yield options;
        }
        case "--repo" -> options.withRepoDir(Path.of(value(arg, inlineValue, queue)));
        default -> throw new UsageException("unknown option: " + arg);
      };
    }
    options = options.withDatabase(ServiceDatabase.fromFlags(databaseFlags));
    options.checkPortsDiffer();
    return options;
  }

  private static LaunchOptions flag(LaunchOptions options, String name, String inlineValue) {
    if (inlineValue != null) {
      throw new UsageException(name + " takes no value");
    }
    return options;
  }

  private static String value(String name, String inlineValue, Deque<String> queue) {
    if (inlineValue != null) {
      return inlineValue;
    }
    // an empty value (a blank password, say) is a value; only a following flag is not
    if (queue.isEmpty() || queue.peekFirst().startsWith("--")) {
      throw new UsageException(name + " needs a value");
    }
    return queue.removeFirst();
  }

  private static int port(String name, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the offending text
    }
    throw new UsageException(name + " needs a port number between 1 and 65535, not '" + text + "'");
  }

  private static int portBase(String name, String text) {
    int base = port(name, text);
    if (base + ServiceSpec.COUNT - 1 > 65535) {
      throw new UsageException(name + " leaves no room for " + ServiceSpec.COUNT + " ports above " + base);
    }
    return base;
  }

  private void checkPortsDiffer() {
    if (new java.util.HashSet<>(List.of(kafkaPort, controllerPort, registryPort, identityPort)).size() < 4) {
      throw new UsageException("the broker, controller, registry and identity provider ports must differ");
    }
    if (noServices) {
      return;
    }
    for (int port : List.of(kafkaPort, controllerPort, registryPort, identityPort)) {
      if (port >= servicePortBase && port < servicePortBase + ServiceSpec.COUNT) {
        throw new UsageException("the service ports " + servicePortBase + "-" + (servicePortBase + ServiceSpec.COUNT - 1)
            + " must not include the broker, controller, registry or identity provider port (" + port + ")");
      }
    }
  }

  /** The services, the ops console and outreach on this run's ports. */
  public List<ServiceSpec> services() {
    return ServiceSpec.at(servicePortBase);
  }

  LaunchOptions withReset() {
    return new LaunchOptions(true, noServices, demo, help, kafkaPort, controllerPort, registryPort, identityPort,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withNoServices() {
    return new LaunchOptions(reset, true, demo, help, kafkaPort, controllerPort, registryPort, identityPort,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withDemo() {
    return new LaunchOptions(reset, noServices, true, help, kafkaPort, controllerPort, registryPort, identityPort,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withHelp() {
    return new LaunchOptions(reset, noServices, demo, true, kafkaPort, controllerPort, registryPort, identityPort,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withKafkaPort(int port) {
    return new LaunchOptions(reset, noServices, demo, help, port, controllerPort, registryPort, identityPort,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withControllerPort(int port) {
    return new LaunchOptions(reset, noServices, demo, help, kafkaPort, port, registryPort, identityPort,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withRegistryPort(int port) {
    return new LaunchOptions(reset, noServices, demo, help, kafkaPort, controllerPort, port, identityPort,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withIdentityPort(int port) {
    return new LaunchOptions(reset, noServices, demo, help, kafkaPort, controllerPort, registryPort, port,
        servicePortBase, database, repoDir);
  }

  LaunchOptions withServicePortBase(int base) {
    return new LaunchOptions(reset, noServices, demo, help, kafkaPort, controllerPort, registryPort,
        identityPort, base, database, repoDir);
  }

  LaunchOptions withDatabase(ServiceDatabase db) {
    return new LaunchOptions(reset, noServices, demo, help, kafkaPort, controllerPort, registryPort, identityPort,
        servicePortBase, db, repoDir);
  }

  LaunchOptions withRepoDir(Path dir) {
    return new LaunchOptions(reset, noServices, demo, help, kafkaPort, controllerPort, registryPort, identityPort,
        servicePortBase, database, dir);
  }

  /** A mistake on the command line: the message is shown above the usage text. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
