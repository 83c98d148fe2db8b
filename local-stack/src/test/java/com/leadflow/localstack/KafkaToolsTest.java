package com.leadflow.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Look at the topics": Kafka's own tools run through {@code local-stack/kafka.sh}
 * against the real broker, asserting what a developer reads on the console. Each tool is a JVM of
 * its own (a few seconds each). {@code -Dleadflow.skipBrokerTests=true} leaves it out.
 */
@DisabledIfSystemProperty(named = "leadflow.skipBrokerTests", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaToolsTest {

  private static final Path SCRIPT = Path.of("kafka.sh").toAbsolutePath();
  private static final String SUBMITTED = "leads.submitted";
  private static final String DEAD_LETTERS = "leads.submitted.dlt";
  private static final String GROUP = "review.leads.submitted+leads.imaging";
  private static final String REASON = "The value could not be deserialized (org.apache.avro.AvroRuntimeException)";
  // Confluent framing: magic byte 0, a 4-byte schema id, then the Avro body
  private static final byte[] FRAMED_VALUE = {0, 0, 0, 0, 7, 2, 'x'};

  @TempDir
  static Path localDir;

  private final String deadLeadId = UUID.randomUUID().toString();
  private StackRunner stack;
  private String bootstrap;

  @BeforeAll
  void startBrokerWithLeadsAndADeadLetter() throws Exception {
    String registryVersion = System.getProperty("apicurio.registry.version");
    StackLayout layout = new StackLayout(Path.of("").toAbsolutePath().getParent(), localDir,
        Path.of(System.getProperty("leadflow.kafka.lib.dir")),
        Path.of(System.getProperty("leadflow.local.dir"), "dist", "apicurio-registry-" + registryVersion,
            "apicurio-registry-app-" + registryVersion + "-runner.jar"),
        "0.1.0-SNAPSHOT");
    LaunchOptions options = LaunchOptions.parse("--no-services",
        "--kafka-port", "" + PortCheck.freePort(), "--controller-port", "" + PortCheck.freePort(),
        "--registry-port", "" + PortCheck.freePort());
    stack = new StackRunner(layout, options, new Console(System.out, false));
    stack.startInfrastructure();
    bootstrap = "localhost:" + options.kafkaPort();

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(SUBMITTED, 1, (short) 1), new NewTopic(DEAD_LETTERS, 1, (short) 1),
          new NewTopic("perf-check", 1, (short) 1), new NewTopic("latency-check", 1, (short) 1))).all().get();
      // acks=all returns once the broker serves the topics: the tools see them without waiting
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
        for (int i = 0; i < 3; i++) {
          producer.send(new ProducerRecord<>(SUBMITTED, UUID.randomUUID().toString(), FRAMED_VALUE)).get();
        }
        producer.send(new ProducerRecord<>(DEAD_LETTERS, null, deadLeadId, FRAMED_VALUE,
            List.of(new RecordHeader("leadflow-dlt-reason", REASON.getBytes(UTF_8))))).get();
      }
      // as if review-service's listener had handled the first lead and not yet the other two
      admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(SUBMITTED, 0), new OffsetAndMetadata(1)))
          .all().get();
    }
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void topicsListShowsTheLeadTopicsAndTheirDeadLetterTopics() throws Exception {
    Run run = kafkaSh("topics", "--bootstrap-server", bootstrap, "--list");

    assertThat(run.lines()).contains(SUBMITTED, DEAD_LETTERS);
    assertQuiet(run);
  }

  @Test
  void consoleConsumerPrintsADeadLettersReasonAndKey() throws Exception {
    Run run = kafkaSh("console-consumer", "--bootstrap-server", bootstrap, "--topic", DEAD_LETTERS,
        "--property", "print.headers=true", "--property", "print.key=true",
        "--from-beginning", "--max-messages", "1");

    assertThat(run.lines()).singleElement().asString()
        .startsWith("leadflow-dlt-reason:" + REASON + "\t" + deadLeadId + "\t");
    assertThat(run.err()).contains("Processed a total of 1 messages");
    assertQuiet(run);
  }

  @Test
  void consumerGroupsDescribeShowsTheLagOfAGroup() throws Exception {
    Run run = kafkaSh("consumer-groups", "--bootstrap-server", bootstrap, "--describe", "--group", GROUP);

    assertThat(run.lines()).anyMatch(line -> line.startsWith("GROUP") && line.contains("LAG"));
    // group, topic, partition, committed offset, log-end offset, lag
    assertThat(run.lines()).filteredOn(line -> line.startsWith(GROUP + " "))
        .map(line -> Arrays.asList(line.trim().split("\\s+")).subList(0, 6))
        .containsExactly(List.of(GROUP, SUBMITTED, "0", "1", "3", "2"));
    assertQuiet(run);
  }

  /** The benchmark runs these two with a bare {@code java -cp kafka-tools-lib/*}: the folder must be enough. */
  @Test
  void perfToolsRunFromTheToolsFolderAlone() throws Exception {
    String classpath = Path.of(System.getProperty("leadflow.kafka.tools.lib.dir")).resolve("*").toString();

    Run producer = run(List.of(Java.executable(), "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance",
        "--topic", "perf-check", "--num-records", "200", "--record-size", "100", "--throughput", "-1",
        "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all"));
    Run latency = run(List.of(Java.executable(), "-cp", classpath, "org.apache.kafka.tools.EndToEndLatency",
        bootstrap, "latency-check", "50", "all", "100"));

    assertThat(producer.out()).contains("200 records sent");
    assertThat(latency.out()).contains("Avg latency:", "Percentiles: 50th =");
    assertQuiet(producer);
    assertQuiet(latency);
  }

  @Test
  void scriptListsItsToolsAndSaysWhenTheyAreNotBuilt() throws Exception {
    Run help = kafkaSh("--help");
    Path unbuilt = Files.copy(SCRIPT, Files.createTempDirectory(localDir, "unbuilt").resolve("kafka.sh"));
    Run missing = run(List.of("sh", unbuilt.toString(), "topics", "--list"));

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("topics", "console-consumer", "consumer-groups", "producer-perf-test",
        "e2e-latency");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("build first: ./mvnw package -DskipTests");
  }

  /** No SLF4J warnings and no INFO lines: the tools' log4j2.xml (warnings only) was found. */
  private static void assertQuiet(Run run) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.err()).doesNotContain("SLF4J").doesNotContain("INFO").doesNotContain("StatusLogger");
  }

  private Run kafkaSh(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    return run(command);
  }

  private static Run run(List<String> command) throws Exception {
    Path out = Files.createTempFile(localDir, "tool", ".out");
    Path err = Files.createTempFile(localDir, "tool", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // the script's java is the one running this test, as the launcher's children are
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 60 s; stderr: " + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private record Run(int exitCode, String out, String err) {

    List<String> lines() {
      return out.lines().filter(line -> !line.isBlank()).toList();
    }
  }
}
