package com.leadflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** What a web filter's failure leaves in the log and in the answer, on a path that holds a status-link token. */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorHandlerTest {

    static final String TOKEN = LoggedPathsTest.TOKEN;

    final UnexpectedErrorHandler handler = new UnexpectedErrorHandler(JsonMapper.builder().build());

    @Test
    void aFailureOutsideAControllerIsLoggedOnceWithoutTheTokenAndAnsweredAsAProblem(CapturedOutput output) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/status/{token}/imaging?ref={token}", TOKEN, TOKEN));

        handler.handle(exchange, new IllegalStateException("the store is gone")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/unexpected")
                .doesNotContain(TOKEN);
        assertThat(output.getAll().lines().filter(line -> line.contains("Unexpected java.lang.IllegalStateException")))
                .singleElement().satisfies(line -> assertThat(line).contains("POST /api/status/:token/imaging"));
        assertThat(output.getAll()).doesNotContain(TOKEN, "the store is gone", "\tat ");
    }

    @Test
    void anErrorWithItsOwnClientStatusIsLeftToBootsHandler(CapturedOutput output) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/no-such-page"));
        ResponseStatusException notFound = new ResponseStatusException(HttpStatus.NOT_FOUND);

        assertThatThrownBy(() -> handler.handle(exchange, notFound).block()).isSameAs(notFound);
        assertThat(output.getAll()).doesNotContain("Unexpected");
    }
}
