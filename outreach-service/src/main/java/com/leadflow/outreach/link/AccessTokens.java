package com.leadflow.outreach.link;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.outreach.recipient.Channel;
import com.leadflow.platform.db.ConsumerDatabase;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The secrets in links sent to a visitor: 256 random bits each, kept only as a hash, so a link
 * works for whoever holds it and for nobody else, and cannot be rebuilt from the database.
 * The sender makes a batch's links first ({@link #create}) and stores them in one statement
 * ({@link #store}, JDBC, one batch) before any of its messages goes out; the link handlers redeem them (R2DBC).
 */
@Component
public class AccessTokens {

    public enum Purpose { KIT, UNSUBSCRIBE }

    /** What a valid link opens. */
    public record Grant(Purpose purpose, UUID messageId, UUID leadId, Channel channel, String addressSha256) {
    }

    /** A link's secret ({@code token}, to put in the link, never stored) and what it opens until when. */
    public record Issued(String token, Grant grant, Instant createdAt, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final JdbcTemplate batch;

    public AccessTokens(DatabaseClient db, ConsumerDatabase consumers) {
        this.db = db;
        this.batch = consumers.jdbcTemplate().getJdbcTemplate();
    }

    /** A new secret for a link; it opens nothing until {@link #store}d. */
    public static Issued create(Purpose purpose, UUID messageId, UUID leadId, Channel channel, String addressSha256,
            Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new Grant(purpose, messageId, leadId, channel, addressSha256), now, expiresAt);
    }

    /** Stores links' hashes in the caller's JDBC transaction, as one batch (pgjdbc sends it as multi-row inserts). */
    public void store(List<Issued> issued) {
        if (issued.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into access_token (token_sha256, purpose, message_id, lead_id, channel, address_sha256,
                    created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", issued.stream().map(link -> {
                    Grant grant = link.grant();
                    return new Object[] {Addresses.sha256(link.token()), grant.purpose().name(), grant.messageId(),
                            grant.leadId(), grant.channel().name(), new SqlParameterValue(Types.VARCHAR, grant.addressSha256()),
                            utc(link.createdAt()), utc(link.expiresAt())};
                }).toList());
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
