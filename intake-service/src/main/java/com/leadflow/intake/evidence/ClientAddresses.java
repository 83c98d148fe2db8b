package com.leadflow.intake.evidence;

import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client's IP address, for consent evidence and rate limits. Only behind the practice's own
 * proxy ({@code leadflow.intake.trust-forwarded-for=true}) is the first X-Forwarded-For entry
 * believed; otherwise anyone could claim any address.
 */
@Component
public class ClientAddresses {

    private final boolean trustForwardedFor;

    public ClientAddresses(@Value("${leadflow.intake.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(ServerHttpRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",")[0].strip();
                return first.substring(0, Math.min(first.length(), 64));
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    public RequestOrigin origin(ServerHttpRequest request) {
        String agent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return new RequestOrigin(of(request), agent == null ? null : agent.substring(0, Math.min(agent.length(), 500)));
    }
}
