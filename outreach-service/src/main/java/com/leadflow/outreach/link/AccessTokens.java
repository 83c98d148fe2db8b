package com.leadflow.outreach.link;

import static com.leadflow.platform.db.SqlValues.bind;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.outreach.recipient.Channel;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The secrets in links sent to a visitor: 256 random bits each, kept only as a hash, so a link
 * works for whoever holds it and for nobody else, and cannot be rebuilt from the database.
 */
@Repository
public class AccessTokens {

    public enum Purpose { KIT, UNSUBSCRIBE }

    /** What a valid link opens. */
    public record Grant(Purpose purpose, UUID messageId, UUID leadId, Channel channel, String addressSha256) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;

    public AccessTokens(DatabaseClient db) {
        this.db = db;
    }

    /** @return the secret to put in the link; only its hash is stored */
    public Mono<String> issue(Purpose purpose, UUID messageId, UUID leadId, Channel channel, String addressSha256,
            Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var spec = db.sql("""
                insert into access_token (token_sha256, purpose, message_id, lead_id, channel, address_sha256, created_at,
                    expires_at) values (:hash, :purpose, :message, :lead, :channel, :address, :now, :expires)""")
                .bind("hash", Addresses.sha256(token)).bind("purpose", purpose.name()).bind("message", messageId)
                .bind("lead", leadId).bind("channel", channel.name()).bind("now", utc(now))
                .bind("expires", utc(expiresAt));
        return bind(spec, "address", addressSha256, String.class).then().thenReturn(token);
    }

    /** The grant of a link that is known, of this purpose and not expired at {@code now}. */
    public Mono<Grant> redeem(Purpose purpose, String token, Instant now) {
        if (token == null || token.length() != 43) {
            return Mono.empty();
        }
        return db.sql("""
                select message_id, lead_id, channel, address_sha256 from access_token
                where token_sha256 = :hash and purpose = :purpose and expires_at > :now""")
                .bind("hash", Addresses.sha256(token)).bind("purpose", purpose.name()).bind("now", utc(now))
                .map((row, meta) -> new Grant(purpose, row.get("message_id", UUID.class), row.get("lead_id", UUID.class),
                        Channel.valueOf(row.get("channel", String.class)), row.get("address_sha256", String.class)))
                .one();
    }
}
