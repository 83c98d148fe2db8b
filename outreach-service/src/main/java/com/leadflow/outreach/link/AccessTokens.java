package com.leadflow.outreach.link;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.outreach.recipient.Channel;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.db.SqlRows;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The secrets in links sent to a visitor: 256 random bits each, kept only as a hash, so a link
 * works for whoever holds it and for nobody else, and cannot be rebuilt from the database.
 * The sender makes a batch's links first ({@link #create}) and stores them in one statement
 * ({@link #store}, JDBC) before any of its messages goes out; the link handlers redeem them (R2DBC).
 */
@Repository
public class AccessTokens {

    public enum Purpose { KIT, UNSUBSCRIBE }

    /** What a valid link opens. */
    public record Grant(Purpose purpose, UUID messageId, UUID leadId, Channel channel, String addressSha256) {
    }

    /** A link's secret ({@code token}, to put in the link, never stored) and what it opens until when. */
    public record Issued(String token, Grant grant, Instant createdAt, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ROW = "(:hash#, :purpose#, :message#, :lead#, :channel#, :address#, :now#, :expires#)";

    private final DatabaseClient db;
    private final JdbcClient jdbc;

    public AccessTokens(DatabaseClient db, ConsumerDatabase consumers) {
        this.db = db;
        this.jdbc = consumers.jdbc();
    }

    /** A new secret for a link; it opens nothing until {@link #store}d. */
    public static Issued create(Purpose purpose, UUID messageId, UUID leadId, Channel channel, String addressSha256,
            Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new Grant(purpose, messageId, leadId, channel, addressSha256), now, expiresAt);
    }

    /** Stores links' hashes in the caller's JDBC transaction, in multi-row statements. */
    public void store(List<Issued> issued) {
        for (List<Issued> chunk : SqlRows.chunks(issued)) {
            var spec = jdbc.sql("""
                    insert into access_token (token_sha256, purpose, message_id, lead_id, channel, address_sha256,
                        created_at, expires_at) values\s""" + SqlRows.values(chunk.size(), ROW));
            for (int i = 0; i < chunk.size(); i++) {
                Issued link = chunk.get(i);
                Grant grant = link.grant();
                spec = spec.param("hash" + i, Addresses.sha256(link.token())).param("purpose" + i, grant.purpose().name())
                        .param("message" + i, grant.messageId()).param("lead" + i, grant.leadId())
                        .param("channel" + i, grant.channel().name())
                        .param("address" + i, grant.addressSha256(), Types.VARCHAR)
                        .param("now" + i, utc(link.createdAt())).param("expires" + i, utc(link.expiresAt()));
            }
            spec.update();
        }
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
