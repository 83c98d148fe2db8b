package com.leadflow.ops.health;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.health.ComponentStatus.OutboxBacklog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks every piece of the stack how it is: the services through their actuator (health and info
 * are public; the outbox gauges need the ops role: {@link ActuatorCredentials}), the registry through its system API, the
 * broker through the admin client. Blocking calls with short timeouts, on the sampler thread.
 */
public class StackProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final OpsProperties properties;
    private final ActuatorCredentials credentials;
    private final Admin admin;
    private final String registryBaseUrl;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public StackProbe(OpsProperties properties, ActuatorCredentials credentials, Admin admin, String registryApiUrl) {
        this.properties = properties;
        this.credentials = credentials;
        this.admin = admin;
        this.registryBaseUrl = registryApiUrl.replaceAll("/apis/registry/v3/?$", "");
    }

    public List<ComponentStatus> probe() {
        List<ComponentStatus> statuses = new ArrayList<>();
        statuses.add(broker());
        statuses.add(registry());
        for (OpsProperties.Service service : properties.services()) {
            statuses.add(service(service));
        }
        return List.copyOf(statuses);
    }

    private ComponentStatus service(OpsProperties.Service service) {
        String base = service.url().replaceAll("/$", "");
        String health;
        try {
            health = get(base + "/actuator/health", false).path("status").asString("UNKNOWN");
        } catch (Exception unreachable) {
            return new ComponentStatus(service.name(), "service", base, "unreachable", null, null,
                    "No answer from " + base + "/actuator/health");
        }
        String version = null;
        try {
            version = nullIfBlank(get(base + "/actuator/info", false).path("app").path("version").asString(null));
        } catch (Exception noInfo) {
            // a version is nice to have; health is what counts
        }
        OutboxBacklog outbox = null;
        String note = null;
        try {
            outbox = new OutboxBacklog((long) metric(base, "leadflow.outbox.pending"),
                    metric(base, "leadflow.outbox.oldest.age"));
        } catch (Exception e) {
            note = credentials.failureNote(base + "/actuator/metrics");
        }
        return new ComponentStatus(service.name(), "service", base, health, version, outbox, note);
    }

    private double metric(String base, String name) throws Exception {
        JsonNode answer = get(base + "/actuator/metrics/" + name, true);
        for (JsonNode measurement : answer.path("measurements")) {
            if ("VALUE".equals(measurement.path("statistic").asString(""))) {
                return measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("no VALUE measurement");
    }

    private ComponentStatus registry() {
        try {
            JsonNode info = get(registryBaseUrl + "/apis/registry/v3/system/info", false);
            int ready = status(registryBaseUrl + "/health/ready");
            return new ComponentStatus("schema registry", "registry", registryBaseUrl, ready == 200 ? "UP" : "DOWN",
                    info.path("name").asString("Apicurio Registry") + " " + info.path("version").asString(""), null, null);
        } catch (Exception e) {
            return new ComponentStatus("schema registry", "registry", registryBaseUrl, "unreachable", null, null,
                    "No answer from " + registryBaseUrl);
        }
    }

    private ComponentStatus broker() {
        try {
            int nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
            FinalizedVersionRange metadata = admin.describeFeatures().featureMetadata().get(5, TimeUnit.SECONDS)
                    .finalizedFeatures().get("metadata.version");
            String version = metadata == null ? null : "metadata version level " + metadata.maxVersionLevel();
            return new ComponentStatus("kafka", "broker", null, "UP", version, null,
                    nodes == 1 ? "1 broker" : nodes + " brokers");
        } catch (Exception e) {
            return new ComponentStatus("kafka", "broker", null, "unreachable", null, null, "The broker does not answer");
        }
    }

    private JsonNode get(String url, boolean asOps) throws Exception {
        HttpResponse<String> response = http.send(request(url, asOps), HttpResponse.BodyHandlers.ofString());
        // health answers 503 with a body when a component is down
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private int status(String url) throws Exception {
        return http.send(request(url, false), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(String url, boolean asOps) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (asOps) {
            request.header("Authorization", credentials.authorization());
        }
        return request.build();
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
