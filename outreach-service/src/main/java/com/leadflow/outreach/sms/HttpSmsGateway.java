package com.leadflow.outreach.sms;

import com.leadflow.outreach.delivery.SendResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Texts through a Twilio-style REST API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form
 * encoded {@code To}, {@code From}, {@code Body}, HTTP Basic with the account id and token. A 2xx
 * answer with a {@code sid} is accepted; 429 and 5xx and a lost connection are tried again; any
 * other 4xx is permanent, and Twilio's codes for a number that can never get a text (21211 invalid,
 * 21610 the number replied STOP to the gateway, 21614 not a mobile number) put it on the suppression list.
 */
public class HttpSmsGateway implements SmsGateway {

    private static final Set<Integer> BAD_NUMBER_CODES = Set.of(21211, 21610, 21614, 21612);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final String accountSid;
    private final String from;

    public HttpSmsGateway(URI baseUrl, String accountSid, String authToken, String from, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests)
                .defaultHeaders(headers -> headers.setBasicAuth(accountSid, authToken)).build();
        this.accountSid = accountSid;
        this.from = from;
    }

    @Override
    public SendResult send(String to, String body, String messageId) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("To", to);
        form.add("From", from);
        form.add("Body", body);
        try {
            JsonNode answer = json(http.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", accountSid)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    // honoured by gateways that deduplicate requests; harmless elsewhere
                    .header("Idempotency-Key", messageId)
                    .body(form).retrieve().body(String.class));
            return new SendResult.Accepted(answer == null || !answer.hasNonNull("sid") ? null : answer.get("sid").asText());
        } catch (RestClientResponseException refused) {
            return classify(refused.getStatusCode(), json(refused.getResponseBodyAsString()));
        } catch (ResourceAccessException unreachable) {
            return new SendResult.Transient("the SMS gateway could not be reached");
        }
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    static SendResult classify(HttpStatusCode status, JsonNode error) {
        int code = error != null && error.hasNonNull("code") ? error.get("code").asInt() : 0;
        if (status.value() == 429 || status.is5xxServerError()) {
            return new SendResult.Transient("the SMS gateway answered " + status.value());
        }
        String reason = "the SMS gateway refused the text (" + status.value() + (code == 0 ? "" : ", code " + code) + ")";
        return new SendResult.Permanent(reason, BAD_NUMBER_CODES.contains(code));
    }
}
