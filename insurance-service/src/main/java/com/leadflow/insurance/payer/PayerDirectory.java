package com.leadflow.insurance.payer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The payer directory, read once from the database and kept in memory: the type-ahead scores every
 * payer on every keystroke, and the directory changes only with a migration.
 */
@Component
public class PayerDirectory {

    public record Snapshot(Map<String, Payer> byId, PayerSearch search) {

        public Optional<Payer> byId(String id) {
            return Optional.ofNullable(id == null ? null : byId.get(id));
        }
    }

    private final DatabaseClient db;
    // a failed load is not remembered, so the next caller tries again
    private final Mono<Snapshot> snapshot;

    public PayerDirectory(DatabaseClient db) {
        this.db = db;
        this.snapshot = load().cache(loaded -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO,
                () -> Duration.ZERO);
    }

    public Mono<Snapshot> snapshot() {
        return snapshot;
    }

    private Mono<Snapshot> load() {
        Mono<Map<String, List<String>>> aliases = db.sql("select payer_id, alias from payer_alias order by payer_id, alias")
                .map((row, meta) -> Map.entry(row.get("payer_id", String.class), row.get("alias", String.class)))
                .all()
                .collect(LinkedHashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(entry.getValue()));
        return aliases.flatMap(byPayer -> db.sql("select id, name, realtime_eligibility from payer order by name")
                .map((row, meta) -> new Payer(row.get("id", String.class), row.get("name", String.class),
                        byPayer.getOrDefault(row.get("id", String.class), List.of()),
                        Boolean.TRUE.equals(row.get("realtime_eligibility", Boolean.class))))
                .all()
                .collectList())
                .map(payers -> {
                    Map<String, Payer> byId = new LinkedHashMap<>();
                    payers.forEach(payer -> byId.put(payer.id(), payer));
                    return new Snapshot(Map.copyOf(byId), new PayerSearch(payers));
                });
    }
}
