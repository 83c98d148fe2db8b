package com.leadflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks a bearer token's signature once, not on every request that carries it. A service's callers
 * (outreach asking intake for status links, the ops console reading metrics, staff pages' API calls)
 * send the same access token until it nears its expiry, and checking its RSA signature again each time
 * was the largest single cost of such a request (a sixth of intake's HTTP loop on a status-link call).
 *
 * <p>Nothing is accepted that was not verified: a token is remembered only after the verifying decoder
 * accepted it, and found again only by its exact bytes (looked up by their SHA-256, then compared in
 * full in constant time, so a lookup tells a guesser nothing). Every use of a remembered token runs the
 * same validator again (expiry, not-before and issuer, with the same clock skew), so it stops being
 * accepted at the moment a fresh check would refuse it; a token without an expiry is never remembered.
 * What a fresh check could add, the provider's key set, is no different: the verifying decoder keeps
 * the key set it fetched and looks again only for a key id it does not know, so a token signed with a
 * key it holds verifies the same the second time. At most {@code capacity} tokens are remembered; when
 * full, expired ones go, and a token that still finds no room is verified on every use as before.
 */
final class RememberedJwtDecoder implements ReactiveJwtDecoder {

    private record Verified(byte[] token, Jwt jwt) {
    }

    private final ReactiveJwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Verified> remembered = new ConcurrentHashMap<>();

    RememberedJwtDecoder(ReactiveJwtDecoder verifying, OAuth2TokenValidator<Jwt> validator, int capacity, Clock clock) {
        this.verifying = verifying;
        this.validator = validator;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        String key = sha256(bytes);
        Verified known = remembered.get(key);
        if (known != null && MessageDigest.isEqual(known.token(), bytes)) {
            OAuth2TokenValidatorResult result = validator.validate(known.jwt());
            if (!result.hasErrors()) {
                return Mono.just(known.jwt());
            }
            remembered.remove(key, known);
            return Mono.error(refused(result));
        }
        return verifying.decode(token).doOnNext(jwt -> remember(key, bytes, jwt));
    }

    private void remember(String key, byte[] token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (remembered.size() >= capacity) {
            Instant now = clock.instant();
            remembered.values().removeIf(verified -> !verified.jwt().getExpiresAt().isAfter(now));
            if (remembered.size() >= capacity) {
                return;
            }
        }
        remembered.put(key, new Verified(token, jwt));
    }

    /** As the verifying decoder words a refusal: the validators' descriptions, never the token or its claims. */
    private static JwtValidationException refused(OAuth2TokenValidatorResult result) {
        String message = result.getErrors().stream().map(OAuth2Error::getDescription)
                .filter(text -> text != null && !text.isEmpty()).findFirst()
                .map(text -> "An error occurred while attempting to decode the Jwt: " + text).orElse("Unable to validate Jwt");
        return new JwtValidationException(message, result.getErrors());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
