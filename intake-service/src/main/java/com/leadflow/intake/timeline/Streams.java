package com.leadflow.intake.timeline;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** Server-sent event streams that open at once and stay open through idle proxies. */
public final class Streams {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private Streams() {
    }

    /**
     * Starts with a comment, so the response (and its headers) goes out before the first change, and
     * adds a comment every 15 seconds, so an idle connection is not cut by a proxy.
     */
    public static <T> Flux<ServerSentEvent<T>> withHeartbeat(Flux<ServerSentEvent<T>> events) {
        Flux<ServerSentEvent<T>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<T>builder().comment("heartbeat").build());
        return Flux.merge(events, heartbeats).startWith(ServerSentEvent.<T>builder().comment("connected").build());
    }
}
