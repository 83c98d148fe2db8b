package com.leadflow.ops.health;

import com.leadflow.platform.security.ClientCredentialsToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the console proves to each service's actuator that it may read the metrics (an ops role):
 * its own access token from the identity provider, or, where there is none, an ops account.
 */
public interface ActuatorCredentials {

    /** The {@code Authorization} header to send; throws when none can be had just now. */
    String authorization();

    /** Says on the page why outboxes are not read, when reading them failed. */
    String failureNote(String metricsUrl);

    /** No credentials: the outbox gauges are not read, and the page says which settings give them. */
    static ActuatorCredentials none() {
        return new ActuatorCredentials() {
            @Override
            public String authorization() {
                throw new IllegalStateException("no actuator credentials");
            }

            @Override
            public String failureNote(String metricsUrl) {
                return "Outbox not read: set leadflow.security.issuer-uri, client-id and client-secret "
                        + "(or leadflow.ops.actuator-username)";
            }
        };
    }

    /** The console's own token: its client carries the ops role at the identity provider. */
    static ActuatorCredentials token(ClientCredentialsToken token) {
        return new ActuatorCredentials() {
            @Override
            public String authorization() {
                return token.authorization();
            }

            @Override
            public String failureNote(String metricsUrl) {
                return "Outbox not read from " + metricsUrl + " with the console's token (client " + token.clientId() + ")";
            }
        };
    }

    /** HTTP Basic with an ops account: only for services that let demo users in (tests, scripts). */
    static ActuatorCredentials basic(String username, String password) {
        String header = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        return new ActuatorCredentials() {
            @Override
            public String authorization() {
                return header;
            }

            @Override
            public String failureNote(String metricsUrl) {
                return "Outbox not read from " + metricsUrl;
            }
        };
    }
}
