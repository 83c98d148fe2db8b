package com.leadflow.outreach.link;

import com.leadflow.outreach.recipient.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** An address or a secret as the database keeps it: the SHA-256 of its normal form. */
public final class Addresses {

    private Addresses() {
    }

    /** Emails compare without case; phone numbers are E.164 already. */
    public static String hash(Channel channel, String address) {
        String normal = channel == Channel.EMAIL ? address.trim().toLowerCase(Locale.ROOT) : address.trim();
        return sha256(channel.name() + ":" + normal);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
