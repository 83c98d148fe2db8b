package com.leadflow.outreach.optout;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.outreach.recipient.Channel;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Addresses that get no more messages, for good: checked before every send. An entry is never
 * removed by this service; a visitor who wants messages again tells a Patient Care Manager.
 * Reactive (R2DBC) for the opt-out handlers; blocking (JDBC) for the sender, a batch's addresses in one query.
 */
@Component
public class Suppressions {

    /** Why an address is on the list. */
    public enum Reason {
        STOP("the visitor replied STOP"),
        UNSUBSCRIBED("the visitor unsubscribed"),
        UNDELIVERABLE("the address could not be delivered to before");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** An address as the list keeps it: the channel and the SHA-256 of the normalised address. */
    public record Address(Channel channel, String sha256) {
    }

    private final DatabaseClient db;
    private final JdbcClient jdbc;

    public Suppressions(DatabaseClient db, ConsumerDatabase consumers) {
        this.db = db;
        this.jdbc = consumers.jdbc();
    }

    /** @return true when the address was not on the list before */
    public Mono<Boolean> add(Channel channel, String addressSha256, Reason reason, Instant at) {
        return db.sql("""
                insert into suppression (channel, address_sha256, reason, created_at) values (:channel, :address, :reason, :at)
                on conflict do nothing""")
                .bind("channel", channel.name()).bind("address", addressSha256).bind("reason", reason.name())
                .bind("at", utc(at))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** @return true the first time a lead opts out, so its timeline shows one opt-out however often it is said */
    public Mono<Boolean> markOptedOut(java.util.UUID leadId, Instant at) {
        return db.sql("insert into opt_out (lead_id, opted_out_at) values (:lead, :at) on conflict do nothing")
                .bind("lead", leadId).bind("at", utc(at))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Puts an address on the list in the caller's JDBC transaction (the sender's, for an address refused outright). */
    public void add(Address address, Reason reason, Instant at) {
        jdbc.sql("""
                insert into suppression (channel, address_sha256, reason, created_at) values (:channel, :address, :reason, :at)
                on conflict do nothing""")
                .param("channel", address.channel().name()).param("address", address.sha256())
                .param("reason", reason.name()).param("at", utc(at))
                .update();
    }

    /** Which of these addresses are on the list, and why (JDBC, one query). */
    public Map<Address, Reason> check(Collection<Address> addresses) {
        Map<Address, Reason> listed = new HashMap<>();
        if (addresses.isEmpty()) {
            return listed;
        }
        List<String> hashes = addresses.stream().map(Address::sha256).distinct().toList();
        jdbc.sql("select channel, address_sha256, reason from suppression where address_sha256 in (:hashes)")
                .param("hashes", hashes)
                .query((row, n) -> Map.entry(
                        new Address(Channel.valueOf(row.getString("channel")), row.getString("address_sha256")),
                        Reason.valueOf(row.getString("reason"))))
                .list().forEach(entry -> listed.put(entry.getKey(), entry.getValue()));
        // the same hash on another channel is another address
        listed.keySet().retainAll(Set.copyOf(addresses));
        return listed;
    }
}
