package com.leadflow.outreach.optout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a Twilio-style gateway puts on its webhook requests ({@code X-Twilio-Signature}):
 * Base64 of HMAC-SHA1, keyed with the account's auth token, over the full URL followed by each
 * form parameter's name and value, sorted by name. Without it anyone could opt a person out.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String of(String authToken, String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, values) -> values.forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String authToken, String url, Map<String, List<String>> form, String signature) {
        return signature != null && MessageDigest.isEqual(of(authToken, url, form).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
