package com.leadflow.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings every service shares (migration locations, Actuator exposure, quiet Kafka logs),
 * added with the lowest precedence so a service's own configuration always wins; and two Reactor
 * Netty switches: the number of its event loops, sized for the machine, and keep-alive connections
 * that keep reading.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        sizeEventLoops();
        endEachExchangeWithItsLastPacket();
        try {
            new PropertiesPropertySourceLoader()
                    .load("leadflowPlatformDefaults", new ClassPathResource("leadflow-platform-defaults.properties"))
                    .forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reactor Netty runs at least four event loops (HTTP server, WebClient and the R2DBC driver
     * share them); a service's blocking work runs on other threads, so one loop per core is
     * enough, and on a two-core machine shared by seven processes fewer threads switch less. Read
     * once, when Reactor Netty's loops are first created, after this; {@code -D} still wins.
     */
    static void sizeEventLoops() {
        if (System.getProperty(IO_WORKER_COUNT) == null) {
            System.setProperty(IO_WORKER_COUNT, Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())));
        }
    }

    static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

    /**
     * A browser sends its next request on a kept-alive connection as soon as an answer arrives,
     * sometimes before the server has ended that exchange. Reactor Netty 1.3.6 (Boot 4.0.7's) then
     * held the request back and, when the previous exchange ended, did not read the connection again:
     * the page after a sign-in redirect never came (about 1 sign-in in 30 on this machine; reactor-netty
     * issue 4361, fixed in 1.3.8, whose Netty 4.2.19 natives are not served here). With this switch an
     * exchange ends with its last written packet, so the next request is taken at once. Read once,
     * when the first connection opens, after this; {@code -D} still wins.
     */
    static void endEachExchangeWithItsLastPacket() {
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
    }

    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
