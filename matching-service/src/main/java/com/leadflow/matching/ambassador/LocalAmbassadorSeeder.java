package com.leadflow.matching.ambassador;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Fills the registry of the local stack with invented ambassadors (seed/local-ambassadors.csv),
 * through the same validation as the admin API. Each has a fixed id, so restarting adds nobody
 * twice. Never on in production: only the local profile turns it on.
 */
@Component
@ConditionalOnProperty(name = "leadflow.matching.seed-local-ambassadors", havingValue = "true")
public class LocalAmbassadorSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalAmbassadorSeeder.class);
    private static final String RESOURCE = "seed/local-ambassadors.csv";
    static final String SYNTHETIC_CONSENT = "Invented for the local stack: no real person, no real consent";

    private final AmbassadorRegistry registry;

    public LocalAmbassadorSeeder(AmbassadorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> lines = read();
        Flux.fromIterable(lines)
                .concatMap(line -> registry.seed(idOf(line), form(line)))
                .then()
                .block(Duration.ofSeconds(30));
        log.info("Local ambassador registry holds the {} synthetic ambassadors", lines.size());
    }

    static List<String> read() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UUID idOf(String line) {
        String[] f = line.split(";");
        return UUID.nameUUIDFromBytes(("local-ambassador:" + f[0] + ":" + f[1] + ":" + f[3]).getBytes(StandardCharsets.UTF_8));
    }

    static AmbassadorForm form(String line) {
        String[] f = line.split(";");
        return new AmbassadorForm(f[0], f[1], f[2], f[3], Integer.valueOf(f[4]), f[5], f[6],
                Arrays.asList(f[7].split(",")), f[8], f[9], f[10], Integer.valueOf(f[11]), f[12], SYNTHETIC_CONSENT);
    }
}
