package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real broker and registry, started by the launcher's own code on free ports with a
 * temporary .local folder, so it can run beside a developer's running stack. About 15-20 s;
 * {@code -Dleadflow.skipBrokerTests=true} leaves it out.
 */
@DisabledIfSystemProperty(named = "leadflow.skipBrokerTests", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerAndRegistryTest {

  private static final String LEAD_V1 = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Lead\\\","
      + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
  // a new field without a default: readers of v2 could not read v1 records, so BACKWARD refuses it
  private static final String LEAD_V2_INCOMPATIBLE = "{\"schema\":\"{\\\"type\\\":\\\"record\\\","
      + "\\\"name\\\":\\\"Lead\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"},"
      + "{\\\"name\\\":\\\"age\\\",\\\"type\\\":\\\"int\\\"}]}\"}";

  @TempDir
  static Path localDir;

  private StackLayout layout;
  private LaunchOptions options;
  private StackRunner stack;

  @BeforeAll
  void startBrokerAndRegistry() throws Exception {
    String registryVersion = System.getProperty("apicurio.registry.version");
    Path repo = Path.of("").toAbsolutePath().getParent();
    layout = new StackLayout(repo, localDir,
        Path.of(System.getProperty("leadflow.kafka.lib.dir")),
        Path.of(System.getProperty("leadflow.local.dir"), "dist", "apicurio-registry-" + registryVersion,
            "apicurio-registry-app-" + registryVersion + "-runner.jar"),
        "0.1.0-SNAPSHOT");
    options = LaunchOptions.parse("--no-services",
        "--kafka-port", "" + PortCheck.freePort(), "--controller-port", "" + PortCheck.freePort(),
        "--registry-port", "" + PortCheck.freePort());
    stack = new StackRunner(layout, options, new Console(System.out, false));
    stack.startInfrastructure();
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void brokerCreatesATopicAndDeliversARecord() throws Exception {
    String topic = "local-stack-check-" + UUID.randomUUID();
    String bootstrap = "localhost:" + options.kafkaPort();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      assertThat(admin.listTopics().names().get()).contains(topic);
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "lead-1", "hello")).get();
    }
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "local-stack-check",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        assertThat(received).extracting(ConsumerRecord::value).containsExactly("hello");
      });
    }
  }

  @Test
  void registryIsReadyAndRefusesAnIncompatibleSchema() {
    String base = "http://localhost:" + options.registryPort();
    String subject = base + "/apis/ccompat/v7/subjects/lead-" + UUID.randomUUID() + "-value/versions";

    assertThat(Http.get(base + "/health/ready").status()).isEqualTo(200);
    assertThat(Http.get(base + "/apis/registry/v3/admin/rules/COMPATIBILITY").body()).contains("BACKWARD");
    assertThat(Http.post(subject, LEAD_V1).status()).isEqualTo(200);
    assertThat(Http.post(subject, LEAD_V2_INCOMPATIBLE).status()).isEqualTo(409);
  }

  @Test
  void stateAndLogsStayInsideTheGivenFolder() throws IOException {
    assertThat(layout.kafkaDataDir().resolve("meta.properties")).exists();
    assertThat(Files.readString(layout.kafkaDataDir().resolve("meta.properties")))
        .contains("cluster.id=" + Files.readString(layout.clusterIdFile()).trim());
    assertThat(layout.registryDir().resolve("registry.mv.db")).exists();
    assertThat(Files.readString(layout.logFile("kafka"))).contains("Kafka Server started");
    assertThat(layout.runDir().resolve("kafka.pid")).exists();
  }

}
