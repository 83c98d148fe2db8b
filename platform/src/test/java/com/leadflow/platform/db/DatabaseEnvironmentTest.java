package com.leadflow.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseEnvironmentTest {

    @Test
    void postgresGetsOneSchemaPerServiceForBothR2dbcAndFlyway() {
        Map<String, String> props = DatabaseEnvironment.derive("review-service",
                "jdbc:postgresql://db:5432/leadflow", null, "lf", "secret", null);
        assertThat(props).containsEntry("spring.r2dbc.url", "r2dbc:postgresql://db:5432/leadflow?schema=review")
                .containsEntry("spring.flyway.url", "jdbc:postgresql://db:5432/leadflow")
                .containsEntry("spring.flyway.schemas", "review")
                .containsEntry("spring.r2dbc.username", "lf")
                .containsEntry("spring.flyway.password", "secret");
    }

    @Test
    void withoutAUrlTheServiceRunsOnAnEmbeddedFileDatabaseUnderTheDataDir() {
        Map<String, String> props = DatabaseEnvironment.derive("intake-service", null, null, null, null, "/var/lf");
        assertThat(props.get("spring.r2dbc.url")).startsWith("r2dbc:h2:file:////var/lf/intake;MODE=PostgreSQL");
        assertThat(props.get("spring.flyway.url")).startsWith("jdbc:h2:file:/var/lf/intake;MODE=PostgreSQL");
    }

    @Test
    void anExplicitSchemaWinsAndExistingQueryParametersAreKept() {
        Map<String, String> props = DatabaseEnvironment.derive("matching-service",
                "jdbc:postgresql://db/leadflow?sslmode=require", "t_x", null, null, null);
        assertThat(props.get("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db/leadflow?sslmode=require&schema=t_x");
    }

    @Test
    void anUnsupportedDatabaseIsRefusedByName() {
        assertThatThrownBy(() -> DatabaseEnvironment.derive("x", "jdbc:mysql://db/x", null, null, null, null))
                .hasMessageContaining("leadflow.database.url");
    }
}
