package com.leadflow.ops.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadflow.ops.config.OpsProperties;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

/**
 * The shipped alert rules (deploy/prometheus/) are valid, their unit tests pass, and their
 * thresholds are the ones the console's page shows. promtool comes with Debian's prometheus
 * package; without it the promtool checks are skipped here (CI installs it and runs them too).
 */
class PrometheusRulesTest {

    private static final Path RULES = Path.of("..", "deploy", "prometheus", "leadflow-alerts.yml");
    private static final File PROMTOOL = new File("/usr/bin/promtool");

    @Test
    void theRulesAreValidAndTheirUnitTestsFireAndResolveEachAlert() throws Exception {
        assumeTrue(PROMTOOL.canExecute(), "promtool is not installed (apt-get install prometheus)");
        assertThat(promtool("check", "rules", "leadflow-alerts.yml")).contains("SUCCESS: 6 rules found");
        assertThat(promtool("test", "rules", "leadflow-alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void theRulesUseTheThresholdsTheConsoleShows() throws IOException {
        OpsProperties defaults = consoleDefaults();
        String rules = Files.readString(RULES);
        assertThat(rules).contains("(leadflow_ops_consumer_lag_seconds) > " + (long) defaults.alerts().lagSeconds());
        assertThat(rules).contains("(leadflow_ops_outbox_oldest_age_seconds) > "
                + (long) defaults.alerts().outboxOldestSeconds());
        assertThat(rules).contains("for: " + defaults.alerts().forDuration().toMinutes() + "m");
        assertThat(defaults.alerts().forDuration()).isEqualTo(Duration.ofMinutes(2));
    }

    private static OpsProperties consoleDefaults() throws IOException {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("leadflow.ops", OpsProperties.class);
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = PROMTOOL.getPath();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(RULES.getParent().toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
