package com.leadflow.outreach.optout;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.outreach.recipient.Channel;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Addresses that get no more messages, for good: checked before every send. An entry is never
 * removed by this service; a visitor who wants messages again tells a Patient Care Manager.
 */
@Repository
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

    private final DatabaseClient db;

    public Suppressions(DatabaseClient db) {
        this.db = db;
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

    public Mono<Optional<Reason>> check(Channel channel, String addressSha256) {
        return db.sql("select reason from suppression where channel = :channel and address_sha256 = :address")
                .bind("channel", channel.name()).bind("address", addressSha256)
                .map((row, meta) -> Reason.valueOf(row.get("reason", String.class)))
                .one().map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
