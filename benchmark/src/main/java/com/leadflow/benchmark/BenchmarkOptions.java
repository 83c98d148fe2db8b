package com.leadflow.benchmark;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * @param profileRate the step during which the services record a Java Flight Recording, or 0 for none
 */
record BenchmarkOptions(
    List<Integer> rates,
    int stepSeconds,
    int warmupSeconds,
    int warmupRate,
    int drainSeconds,
    int burstSeconds,
    int maxInFlight,
    String postgresUrl,
    String postgresUser,
    String postgresPassword,
    Path out,
    int profileRate,
    List<String> serviceJavaOpts,
    boolean keepSchemas,
    boolean help) {

  /**
   * The services' JVM options unless given: the launcher's heap and collector, but the JVM's own
   * JIT compilers (C1, then C2), as production runs them. The launcher stops at C1 to start fast;
   * after the warm-up C2 carries more (measured: 20 leads/s sustained against 15).
   */
  static final List<String> DEFAULT_SERVICE_JAVA_OPTS = List.of("-Xmx256m", "-XX:+UseSerialGC");

  static final String USAGE = """
      Usage: ./benchmark/run.sh [options]

      Starts the local stack (broker, registry, four services) on PostgreSQL, runs Kafka's own
      producer and end-to-end latency tools on its broker, then submits leads to intake at each
      fixed rate in turn (open loop) until the stack no longer keeps up. Writes results.json,
      results.md and PNG plots to the output folder.

        --rates <r1,r2,...>      offered leads per second, one step each (default 10,20,30,40,50,75,100,150,200,
                                 300,500,750,1000; it stops after the first the stack does not sustain)
        --step-seconds <s>       length of each step (default 60)
        --warmup-seconds <s>     unmeasured load first, so the JVMs have compiled the hot paths (default 150)
        --warmup-rate <r>        its rate (default 20: 3,000 leads, enough for C2 to compile what a lead runs)
        --drain-seconds <s>      how long after a step its leads may take to reach every stage (default 60)
        --burst-seconds <s>      after the steps, twice the highest sustained rate for this long, then half
                                 of it for as long (default 60; 0 for none)
        --max-in-flight <n>      requests open at once before the generator sheds (default 2000)
        --postgres <jdbc-url>    default jdbc:postgresql://127.0.0.1:5432/postgres; a fresh schema per
                                 service (bench_<hex>_intake, ...), dropped afterwards
        --postgres-user <name>   default postgres
        --postgres-password <p>  default empty
        --out <dir>              default benchmark/results/<date-time>
        --profile-rate <r>       record a Java Flight Recording of each service during that step
        --service-java-opts <o>  JVM options of the services, space-separated (default
                                 "-Xmx256m -XX:+UseSerialGC": the JVM's own JIT, as in production; the
                                 local stack starts them with C1 only, which starts faster and carries less)
        --keep-schemas           leave the run's schemas in place, to look at the data
        -h, --help               show this help
      """;

  static BenchmarkOptions parse(Path repo, String startedAt, String... args) {
    Deque<String> queue = new ArrayDeque<>(List.of(args));
    List<Integer> rates = List.of(10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 750, 1000);
    int step = 60;
    int warmup = 150;
    int warmupRate = 20;
    int drain = 60;
    int burst = Targets.BURST_SECONDS;
    int maxInFlight = 2000;
    String url = "jdbc:postgresql://127.0.0.1:5432/postgres";
    String user = "postgres";
    String password = "";
    Path out = repo.resolve("benchmark").resolve("results").resolve(startedAt);
    int profileRate = 0;
    List<String> javaOpts = DEFAULT_SERVICE_JAVA_OPTS;
    boolean keep = false;
    boolean help = false;
    while (!queue.isEmpty()) {
      String flag = queue.poll();
      switch (flag) {
        case "--rates" -> rates = rates(value(queue, flag));
        case "--step-seconds" -> step = positive(queue, flag);
        case "--warmup-seconds" -> warmup = nonNegative(queue, flag);
        case "--warmup-rate" -> warmupRate = positive(queue, flag);
        case "--drain-seconds" -> drain = positive(queue, flag);
        case "--burst-seconds" -> burst = nonNegative(queue, flag);
        case "--max-in-flight" -> maxInFlight = positive(queue, flag);
        case "--postgres" -> url = value(queue, flag);
        case "--postgres-user" -> user = value(queue, flag);
        case "--postgres-password" -> password = value(queue, flag);
        case "--out" -> out = Path.of(value(queue, flag)).toAbsolutePath();
        case "--profile-rate" -> profileRate = positive(queue, flag);
        case "--service-java-opts" -> javaOpts = List.of(value(queue, flag).trim().split("\\s+"));
        case "--keep-schemas" -> keep = true;
        case "-h", "--help" -> help = true;
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("--postgres needs a JDBC URL like jdbc:postgresql://127.0.0.1:5432/postgres");
    }
    return new BenchmarkOptions(rates, step, warmup, warmupRate, drain, burst, maxInFlight, url, user, password, out,
        profileRate, javaOpts, keep, help);
  }

  private static List<Integer> rates(String text) {
    List<Integer> rates = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        int rate = Integer.parseInt(part.trim());
        if (rate <= 0) {
          throw new NumberFormatException();
        }
        rates.add(rate);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--rates takes positive whole numbers separated by commas, not '"
            + text + "'");
      }
    }
    List<Integer> sorted = new ArrayList<>(rates);
    sorted.sort(Integer::compare);
    if (!sorted.equals(rates) || rates.stream().distinct().count() != rates.size()) {
      throw new IllegalArgumentException("--rates must rise from step to step: " + Arrays.toString(rates.toArray()));
    }
    return List.copyOf(rates);
  }

  private static String value(Deque<String> queue, String flag) {
    String value = queue.poll();
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  private static int positive(Deque<String> queue, String flag) {
    int n = nonNegative(queue, flag);
    if (n == 0) {
      throw new IllegalArgumentException(flag + " must be above 0");
    }
    return n;
  }

  private static int nonNegative(Deque<String> queue, String flag) {
    String text = value(queue, flag);
    try {
      int n = Integer.parseInt(text);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " takes a whole number of 0 or more, not '" + text + "'");
    }
  }
}
