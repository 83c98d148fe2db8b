package com.leadflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A bearer token's signature is checked once; what a fresh check would refuse is still refused. */
class RememberedJwtDecoderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T06:00:00Z"));
    private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    private final Map<String, Jwt> signedByTheProvider = new HashMap<>();
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        Jwt jwt = signedByTheProvider.get(token);
        return jwt == null ? Mono.error(new BadJwtException("Signed JWT rejected: Invalid signature"))
                : Mono.just(jwt).map(this::validated);
    };
    private final RememberedJwtDecoder decoder = new RememberedJwtDecoder(verifying, expiry, 2, clock);

    RememberedJwtDecoderTest() {
        expiry.setClock(clock);
    }

    @Test
    void aTokenSentAgainIsAcceptedWithoutCheckingItsSignatureAgain() {
        Jwt issued = issue("outreach-token", Duration.ofMinutes(10));

        assertThat(decoder.decode("outreach-token").block()).isEqualTo(issued);
        clock.advance(Duration.ofMinutes(5));
        assertThat(decoder.decode("outreach-token").block()).isEqualTo(issued);

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        issue("outreach-token", Duration.ofMinutes(10));
        decoder.decode("outreach-token").block();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode("outreach-token").block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired").hasMessageNotContaining("outreach-token");
        // and it is not remembered any more: the next use is checked in full, and refused there too
        assertThatThrownBy(() -> decoder.decode("outreach-token").block()).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenDifferingInOneCharacterIsCheckedAndRefused() {
        issue("outreach-token", Duration.ofMinutes(10));
        decoder.decode("outreach-token").block();

        assertThatThrownBy(() -> decoder.decode("outreach-tokeN").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("outreach-token ").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aRefusedTokenIsCheckedInFullEveryTime() {
        decoder.decode("forged").onErrorResume(e -> Mono.empty()).block();

        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsCheckedEveryTime() {
        signedByTheProvider.put("forever", Jwt.withTokenValue("forever").header("alg", "RS256").subject("ops-console")
                .issuedAt(clock.instant()).build());

        decoder.decode("forever").block();
        decoder.decode("forever").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndOthersAreCheckedEveryTime() {
        issue("a", Duration.ofMinutes(1));
        issue("b", Duration.ofMinutes(10));
        issue("c", Duration.ofMinutes(10));
        issue("d", Duration.ofMinutes(10));
        decoder.decode("a").block();
        decoder.decode("b").block();
        clock.advance(Duration.ofMinutes(2));

        decoder.decode("c").block(); // takes a's place
        decoder.decode("d").block(); // no room: b and c are live
        decoder.decode("b").block();
        decoder.decode("c").block();
        decoder.decode("d").block();

        assertThat(verifications).hasValue(5);
    }

    private Jwt issue(String token, Duration lifetime) {
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("leadflow-outreach")
                .issuedAt(clock.instant()).expiresAt(clock.instant().plus(lifetime)).build();
        signedByTheProvider.put(token, jwt);
        return jwt;
    }

    private Jwt validated(Jwt jwt) {
        var result = expiry.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
