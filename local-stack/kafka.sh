#!/bin/sh
# Runs one of Kafka's own command-line tools with the jars the build collects in
# local-stack/target/kafka-tools-lib, so no Kafka download is needed. Arguments after the tool's
# name go to the tool unchanged, as with Kafka's bin/kafka-<tool>.sh scripts:
#   ./local-stack/kafka.sh topics --bootstrap-server localhost:9092 --list
# KAFKA_HEAP_OPTS (default -Xmx256m, as in Kafka's scripts) and KAFKA_OPTS go to the JVM.
set -e
lib="$(cd "$(dirname "$0")" && pwd)/target/kafka-tools-lib"

usage() {
  cat <<EOF
Usage: $0 <tool> [the tool's own options]

Kafka's own tools, run from local-stack/target/kafka-tools-lib:
  topics              list, describe and create topics        (kafka-topics.sh)
  console-consumer    print records, their keys and headers   (kafka-console-consumer.sh)
  console-producer    send records typed on stdin             (kafka-console-producer.sh)
  consumer-groups     list groups, their offsets and lag      (kafka-consumer-groups.sh)
  get-offsets         earliest/latest offset per partition    (kafka-get-offsets.sh)
  producer-perf-test  producer throughput and latency         (kafka-producer-perf-test.sh)
  consumer-perf-test  consumer throughput                     (kafka-consumer-perf-test.sh)
  e2e-latency         produce-to-consume latency              (kafka-e2e-latency.sh)

Most need --bootstrap-server localhost:9092; "$0 <tool> --help" lists a tool's options.
EOF
}

case "${1:-}" in
  topics) main=org.apache.kafka.tools.TopicCommand ;;
  console-consumer) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  console-producer) main=org.apache.kafka.tools.ConsoleProducer ;;
  consumer-groups) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  get-offsets) main=org.apache.kafka.tools.GetOffsetShell ;;
  producer-perf-test) main=org.apache.kafka.tools.ProducerPerformance ;;
  consumer-perf-test) main=org.apache.kafka.tools.ConsumerPerformance ;;
  e2e-latency) main=org.apache.kafka.tools.EndToEndLatency ;;
  "" | -h | --help | help)
    usage
    exit 0
    ;;
  *)
    echo "unknown tool: $1" >&2
    usage >&2
    exit 2
    ;;
esac
shift

if [ ! -f "$lib/leadflow-kafka-tools-log4j2.jar" ]; then
  echo "Kafka's tools are not built yet ($lib is missing or incomplete); build first: ./mvnw package -DskipTests" >&2
  exit 1
fi
# exec: the tool gets Ctrl-C itself (console-consumer then prints how many records it read)
# shellcheck disable=SC2086 # the *_OPTS hold several JVM options on purpose
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_OPTS:-} -cp "$lib/*" "$main" "$@"
