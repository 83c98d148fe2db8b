package com.leadflow.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The real identity provider (the {@code identity} module's jar, Spring Authorization Server),
 * started as a process once per test JVM on a free port and stopped when the JVM exits. It holds the
 * demo users, one sign-in client every service under test uses (its addresses on 127.0.0.1 match any
 * port, so services on free ports can sign people in) and, per role, a client whose own tokens carry
 * that role ({@link #tokenFor}).
 */
public final class IdentityProviderServer {

    /** The client id and secret services under test sign people in with. */
    public static final String SERVICE_CLIENT_ID = "leadflow-test-service";
    public static final String SERVICE_CLIENT_SECRET = "leadflow-test-service-secret";
    /** A client whose tokens carry no role at all. */
    public static final String NO_ROLE = "NONE";

    private static final List<String> ROLES = List.of("CARE_MANAGER", "CLINICIAN", "OPS", "COORDINATOR", "ADMIN", "OUTREACH");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static IdentityProviderServer instance;

    private final int port;
    private final File logFile;
    private final Process process;

    private IdentityProviderServer(int port, Path jar, File logFile) {
        this.port = port;
        this.logFile = logFile;
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--leadflow.identity.issuer=" + issuer()));
        int i = 0;
        command.addAll(client(i++, SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET, List.of()));
        for (String role : ROLES) {
            command.addAll(client(i++, roleClient(role), roleClient(role) + "-secret", List.of(role)));
        }
        command.addAll(client(i, roleClient(NO_ROLE), roleClient(NO_ROLE) + "-secret", List.of()));
        try {
            this.process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the identity provider", e);
        }
    }

    private static List<String> client(int index, String id, String secret, List<String> roles) {
        String prefix = "--leadflow.identity.clients[" + index + "].";
        List<String> args = new ArrayList<>(List.of(prefix + "client-id=" + id, prefix + "client-secret={noop}" + secret,
                prefix + "redirect-uris=http://127.0.0.1/login/oauth2/code/leadflow",
                prefix + "post-logout-redirect-uris=http://127.0.0.1/signed-out",
                prefix + "back-channel-logout-uri=/logout/connect/back-channel/leadflow"));
        if (!roles.isEmpty()) {
            args.add(prefix + "roles=" + String.join(",", roles));
        }
        return args;
    }

    /** The shared provider, started (in the background) on first use. */
    public static synchronized IdentityProviderServer get() {
        if (instance == null) {
            File log = new File("target", "identity-provider.log");
            log.getParentFile().mkdirs();
            instance = new IdentityProviderServer(ApicurioRegistryServer.freePort(), locateJar(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "identity-provider-stop"));
        }
        return instance;
    }

    /** The issuer URL, the same for services and browsers. */
    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the provider answers its discovery document; returns it for chaining. */
    public IdentityProviderServer awaitReady() {
        Awaitility.await("identity provider ready on port " + port)
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The identity provider exited; see " + logFile.getAbsolutePath());
                    }
                    return status(issuer() + "/.well-known/openid-configuration") == 200;
                });
        return this;
    }

    /**
     * An access token the provider issued (client credentials) to a client whose tokens carry the
     * given role, e.g. {@code CLINICIAN}, or none ({@link #NO_ROLE}).
     */
    public String tokenFor(String role) {
        awaitReady();
        String client = roleClient(role);
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("openid", StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("The identity provider refused a token: " + response.statusCode());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String roleClient(String role) {
        return "test-" + role.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private synchronized void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code identity/target/identity-*.jar} of this checkout, found by walking up from the working directory. */
    private static Path locateJar() {
        String configured = System.getProperty("leadflow.identity.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve("identity").resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    var jar = files.filter(f -> f.getFileName().toString().matches("identity-.*\\.jar")).findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("The identity provider is not built; build it in the reactor first "
                + "(./mvnw -pl <module> -am verify builds it, as platform-test depends on it)");
    }
}
