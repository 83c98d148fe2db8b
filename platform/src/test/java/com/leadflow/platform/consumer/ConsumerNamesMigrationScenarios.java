package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * Event ids claimed under the consumer names used before the naming scheme count under the new
 * names once the migration ran, so an upgraded service applies none of them again.
 */
abstract class ConsumerNamesMigrationScenarios {

    @Autowired DatabaseClient db;

    @Test
    void claimsUnderAnOldNameAreRenamedAndAClaimUnderBothNamesIsKeptOnce() throws IOException {
        String renamed = UUID.randomUUID().toString();
        String both = UUID.randomUUID().toString();
        claim("review.leads-submitted", renamed);
        claim("review.leads-submitted", both);
        claim("review.leads.submitted", both);

        runMigration();

        assertThat(claimsOf("review.leads.submitted")).contains(renamed, both);
        assertThat(claimsOf("review.leads-submitted")).doesNotContain(renamed);
        assertThat(claimsOf("review.leads.submitted")).filteredOn(both::equals).hasSize(1);
    }

    @Test
    void flywayRunsTheMigrationInEveryService() {
        Long runs = db.sql("select count(*) as n from flyway_schema_history where script = :s")
                .bind("s", "R__processed_event_consumer_names.sql")
                .map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(runs).isEqualTo(1L);
    }

    private void runMigration() throws IOException {
        String script = new ClassPathResource("db/migration/platform/R__processed_event_consumer_names.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> statements = Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";"))
                .map(String::strip).filter(statement -> !statement.isEmpty()).toList();
        Flux.fromIterable(statements).concatMap(statement -> db.sql(statement).then()).then().block();
    }

    private void claim(String consumer, String eventId) {
        db.sql("insert into processed_event (consumer, event_id) values (:c, :e)").bind("c", consumer)
                .bind("e", eventId).then().block();
    }

    private List<String> claimsOf(String consumer) {
        return db.sql("select event_id from processed_event where consumer = :c").bind("c", consumer)
                .map((row, meta) -> row.get("event_id", String.class)).all().collectList().block();
    }
}
