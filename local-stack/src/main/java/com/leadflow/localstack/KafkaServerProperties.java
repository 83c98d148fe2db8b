package com.leadflow.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * server.properties for a single KRaft node that is broker and controller at once, sized for
 * a laptop that also runs a registry and four services. Rewritten on every start, so a change
 * here (or a port flag) takes effect without a reset.
 */
public final class KafkaServerProperties {

  static final int NODE_ID = 1;

  private KafkaServerProperties() {}

  public static Map<String, String> of(int kafkaPort, int controllerPort, Path dataDir) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
    p.put("listeners", "PLAINTEXT://localhost:" + kafkaPort + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + kafkaPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDir.toAbsolutePath().toString());

    // one node: every internal topic must make do with one replica
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // 50 partitions each is sized for a cluster; locally it only slows the first consumer group
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.num.partitions", "4");

    // services come up one after another; waiting 3 s for more group members only delays them
    p.put("group.initial.rebalance.delay.ms", "0");
    // for KIP-848's consumer group protocol, should a service be switched back to it (the services use the classic
    // protocol with a 6 s session of their own: leadflow-platform-defaults.properties), whose liveness the broker sets: a SIGKILLed
    // instance's partitions stay with it until its session times out (45 s by default, and at
    // least); 6 s, with a heartbeat every 2 s, hands them on while the instance is still restarting
    p.put("group.consumer.session.timeout.ms", "6000");
    p.put("group.consumer.min.session.timeout.ms", "6000");
    p.put("group.consumer.heartbeat.interval.ms", "2000");
    p.put("group.consumer.min.heartbeat.interval.ms", "2000");
    // services create their topics with the settings they need; a typo must not invent a topic
    p.put("auto.create.topics.enable", "false");

    // footprint: the cleaner's 128 MB default buffer would not even fit the 128 MB heap
    p.put("log.cleaner.dedupe.buffer.size", "2097152");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");

    // "kept between runs" should survive a two-week holiday; --reset is the way to start clean
    p.put("log.retention.ms", "-1");
    p.put("offsets.retention.minutes", "525600");
    return p;
  }

  public static String render(Map<String, String> properties) {
    StringBuilder text = new StringBuilder("# Written by local-stack on every start; edit KafkaServerProperties instead.\n");
    properties.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
    return text.toString();
  }

  /** java.util.Properties treats a backslash as an escape; Windows paths need it doubled. */
  static String escape(String value) {
    return value.replace("\\", "\\\\");
  }
}
