package com.leadflow.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's own access token from the stack's identity provider, got the way a service's sign-in
 * gets it (authorization code, the service as the client), for API calls a service makes on that
 * person's behalf with their token: review fetching a scan from intake for the clinician.
 * HTTP Basic demo users carry no token to pass on.
 */
final class ProviderSignIn {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private ProviderSignIn() {}

  /**
   * @param client the service whose client the sign-in goes through (its module name)
   * @param clientBaseUrl that service's address on this run, where the provider sends the code
   */
  static String accessToken(String issuer, String client, String clientBaseUrl, String user) {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    String redirect = clientBaseUrl + "/login/oauth2/code/leadflow";
    String state = UUID.randomUUID().toString();
    // the provider requires PKCE of every client, as the services' sign-in sends it
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String authorize = issuer + "/oauth2/authorize?response_type=code&scope=openid&client_id=" + encode(client)
        + "&redirect_uri=" + encode(redirect) + "&state=" + state
        + "&code_challenge_method=S256&code_challenge=" + challenge(verifier);

    expectRedirect(send(http, get(authorize)), issuer + "/login");
    HttpResponse<String> page = send(http, get(issuer + "/login"));
    Matcher csrf = CSRF.matcher(page.body());
    if (page.statusCode() != 200 || !csrf.find()) {
      throw new AssertionError("the provider's sign-in page answered " + page.statusCode() + " without a form");
    }
    HttpResponse<String> signedIn = send(http, form(issuer + "/login", null,
        "username=" + encode(user) + "&password=" + encode(user + "-demo") + "&_csrf=" + encode(csrf.group(1))));
    String back = expectRedirect(signedIn, issuer + "/oauth2/authorize");
    String toClient = expectRedirect(send(http, get(back)), redirect);
    Matcher code = CODE.matcher(toClient);
    if (!code.find() || !toClient.contains("state=" + state)) {
      throw new AssertionError("the provider sent " + user + " back without a code for this sign-in");
    }
    String basic = Base64.getEncoder().encodeToString(
        (client + ":" + IdentityProcess.clientSecret(client)).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> token = send(http, form(issuer + "/oauth2/token", "Basic " + basic,
        "grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + encode(redirect)
            + "&code_verifier=" + verifier));
    Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
    if (token.statusCode() != 200 || !accessToken.find()) {
      throw new AssertionError("the provider refused the code: " + token.statusCode());
    }
    return accessToken.group(1);
  }

  private static String expectRedirect(HttpResponse<String> response, String containing) {
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() / 100 != 3 || !location.startsWith(containing)) {
      // the location's path only: a query may carry a code
      throw new AssertionError(response.request().method() + " " + response.request().uri().getPath() + " answered "
          + response.statusCode() + " " + URI.create(location).getPath() + " instead of a redirect to " + containing);
    }
    return location;
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build();
  }

  private static HttpRequest form(String url, String authorization, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
