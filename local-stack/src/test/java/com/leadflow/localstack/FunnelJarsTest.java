package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end test refuses to run without the service jars, or with jars older than the code. */
class FunnelJarsTest {

  @TempDir
  Path repo;

  @Test
  void missingJarsAreNamedWithTheBuildCommand() {
    StackLayout layout = TestLayouts.inside(repo);

    assertThatThrownBy(() -> FunnelStack.requireFreshJars(layout))
        .hasMessageContaining("intake-service-0.1.0-SNAPSHOT.jar is missing.")
        .hasMessageContaining("matching-service-0.1.0-SNAPSHOT.jar is missing.")
        .hasMessageContaining("./mvnw package -DskipTests");
  }

  @Test
  void aJarOlderThanItsSourcesOrThePlatformIsRefused() throws IOException {
    StackLayout layout = TestLayouts.inside(repo);
    Instant built = Instant.parse("2026-11-25T10:00:00Z");
    for (ServiceSpec service : ServiceSpec.ALL) {
      touch(layout.serviceJar(service.module()), built);
      touch(repo.resolve(service.module()).resolve("src/main/java/A.java"), built.minusSeconds(60));
    }
    touch(layout.serviceJar(IdentityProcess.MODULE), built);
    touch(repo.resolve(IdentityProcess.MODULE).resolve("src/main/java/I.java"), built.minusSeconds(60));
    touch(repo.resolve("platform/src/main/java/P.java"), built.minusSeconds(60));
    assertThatCode(() -> FunnelStack.requireFreshJars(layout)).doesNotThrowAnyException();

    touch(repo.resolve("platform/src/main/java/P.java"), built.plusSeconds(60));
    touch(repo.resolve("review-service/src/main/resources/application.yml"), built.plusSeconds(60));

    assertThatThrownBy(() -> FunnelStack.requireFreshJars(layout))
        .hasMessageContaining("review-service-0.1.0-SNAPSHOT.jar is older than the sources in "
            + repo.resolve("review-service/src/main"))
        .hasMessageContaining("intake-service-0.1.0-SNAPSHOT.jar is older than the sources in "
            + repo.resolve("platform/src/main"))
        .hasMessageContaining("./mvnw package -DskipTests");
  }

  private static void touch(Path file, Instant at) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    Files.setLastModifiedTime(file, FileTime.from(at));
  }
}
