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
 * added with the lowest precedence so a service's own configuration always wins; and the number
 * of Reactor Netty's event loops, sized for the machine.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        sizeEventLoops();
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

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
