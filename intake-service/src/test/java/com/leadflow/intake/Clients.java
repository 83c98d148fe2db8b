package com.leadflow.intake;

import java.util.concurrent.atomic.AtomicInteger;

/** A distinct client address per request, so the per-IP rate limit only bites where a test wants it. */
public final class Clients {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private Clients() {
    }

    public static String nextIp() {
        int n = NEXT.getAndIncrement();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
