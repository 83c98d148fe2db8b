package com.leadflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few HTTP calls the launcher makes: health checks, one registry rule, the demo leads. */
final class Http {

  /** A reply; status -1 when nothing answered (not started yet, connection refused). */
  record Reply(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  // a service that just became healthy can be slow to answer its first submissions
  private static final Duration POST_TIMEOUT = Duration.ofSeconds(15);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(1))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private Http() {}

  static Reply get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  static Reply put(String url, String json) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  static Reply post(String url, String json) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON post with an Idempotency-Key, so that sending it again cannot create a second one. */
  static Reply post(String url, String contentType, String json, String idempotencyKey) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", contentType)
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json)), POST_TIMEOUT);
  }

  static Reply post(String url, String contentType, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), POST_TIMEOUT);
  }

  private static Reply send(HttpRequest.Builder request) {
    return send(request, TIMEOUT);
  }

  private static Reply send(HttpRequest.Builder request, Duration timeout) {
    try {
      HttpResponse<String> response = CLIENT.send(request.timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(-1, "interrupted");
    }
  }
}
