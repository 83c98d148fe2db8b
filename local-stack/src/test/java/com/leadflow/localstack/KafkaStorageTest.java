package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaStorageTest {

  @TempDir
  Path kafkaDir;

  private Path idFile() {
    return kafkaDir.resolve("cluster.id");
  }

  private Path dataDir() {
    return kafkaDir.resolve("data");
  }

  private KafkaStorage storage() {
    return new KafkaStorage(idFile(), dataDir());
  }

  private void formattedFor(String clusterId) throws IOException {
    Files.createDirectories(dataDir());
    Files.writeString(dataDir().resolve("meta.properties"),
        "#\nnode.id=1\ndirectory.id=4cDFZN8DQOOzX39IX-nGYQ\nversion=1\ncluster.id=" + clusterId + "\n");
  }

  @Test
  void aFreshFolderIsFormattedWithANewIdThatIsKept() throws IOException {
    KafkaStorage.Plan plan = storage().plan();

    assertThat(plan).isInstanceOf(KafkaStorage.Format.class);
    String id = ((KafkaStorage.Format) plan).clusterId();
    assertThat(Files.readString(idFile()).trim()).isEqualTo(id);
    // asking again before the format ran must not invent a second id
    assertThat(storage().plan()).isEqualTo(new KafkaStorage.Format(id));
  }

  @Test
  void aFolderFormattedForTheStoredIdIsReady() throws IOException {
    Files.writeString(idFile(), "Xq2zTq1ZQxW3Zt3n8m0l4Q\n");
    formattedFor("Xq2zTq1ZQxW3Zt3n8m0l4Q");

    assertThat(storage().plan()).isEqualTo(new KafkaStorage.Ready("Xq2zTq1ZQxW3Zt3n8m0l4Q"));
  }

  @Test
  void aFolderFromAnotherClusterIsAConflict() throws IOException {
    Files.writeString(idFile(), "Xq2zTq1ZQxW3Zt3n8m0l4Q\n");
    formattedFor("dSXsPJzJSvSDTduB0CU7sA");

    assertThat(storage().plan())
        .isEqualTo(new KafkaStorage.Conflict("dSXsPJzJSvSDTduB0CU7sA", "Xq2zTq1ZQxW3Zt3n8m0l4Q"));
  }

  @Test
  void aLostIdFileIsRecoveredFromTheData() throws IOException {
    formattedFor("dSXsPJzJSvSDTduB0CU7sA");

    assertThat(storage().plan()).isEqualTo(new KafkaStorage.Ready("dSXsPJzJSvSDTduB0CU7sA"));
    assertThat(Files.readString(idFile()).trim()).isEqualTo("dSXsPJzJSvSDTduB0CU7sA");
  }

  @Test
  void clusterIdsLookLikeKafkasOwn() {
    IntStream.range(0, 500).mapToObj(i -> KafkaStorage.newClusterId()).forEach(id -> {
      assertThat(id).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
      assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    });
  }
}
