package com.leadflow.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The real Apicurio Registry server, started as a process once per test JVM on a free port and
 * stopped when the JVM exits. The server is the {@code apicurio-registry-app:tar.gz:all}
 * distribution that the platform-test build unpacks under {@code .local/dist}.
 */
public final class ApicurioRegistryServer {

    private static final String VERSION = "3.0.9";
    private static ApicurioRegistryServer instance;

    private final int port;
    private final List<String> command;
    private final File logFile;
    private Process process;

    private ApicurioRegistryServer(int port, Path home, File logFile) {
        this.port = port;
        this.logFile = logFile;
        Path runner = home.resolve("apicurio-registry-app-" + VERSION + "-runner.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("The Apicurio registry is not unpacked at " + home
                    + "; build platform-test first (./mvnw -pl platform-test install)");
        }
        this.command = List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.log.level=WARN", "-jar", runner.toString());
    }

    /** The shared server, started on first use. */
    public static synchronized ApicurioRegistryServer get() {
        if (instance == null) {
            Path home = Path.of(System.getProperty("leadflow.local.dir", locateLocalDir()), "dist", "apicurio-registry-" + VERSION);
            File log = new File("target", "apicurio-registry.log");
            log.getParentFile().mkdirs();
            instance = new ApicurioRegistryServer(freePort(), home, log);
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "apicurio-registry-stop"));
        }
        return instance;
    }

    /** Apicurio's native API, for the serdes. */
    public String registryUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    /** The Confluent-compatible API, for checks that any Confluent-speaking client can read our topics. */
    public String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server (again) and waits until it is ready. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Apicurio registry", e);
        }
        Awaitility.await("Apicurio registry ready on port " + port)
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The Apicurio registry exited; see " + logFile.getAbsolutePath());
                    }
                    return isReady();
                });
    }

    /** Stops the server, as an outage would; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean isReady() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Walks up from the working directory to the checkout's {@code .local} folder. */
    private static String locateLocalDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve(".local").resolve("dist"))) {
                return dir.resolve(".local").toString();
            }
            dir = dir.getParent();
        }
        return ".local";
    }
}
