package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {

  private static final UUID LEAD = UUID.fromString("0b5e7c1a-93d2-4f6e-8a1b-2c3d4e5f6a7b");

  private final HttpAnswer answer = new HttpAnswer();
  private final byte[] buffer = new byte[1024];

  private int received(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, buffer, 0, bytes.length);
    return bytes.length;
  }

  @Test
  void aCompleteAcceptedAnswerGivesItsStatusAndLeadId() {
    String body = "{\"leadId\":\"" + LEAD + "\",\"statusUrl\":\"/status.html#x\"}";
    int length = received("HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body);

    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.COMPLETE);
    assertThat(answer.status).isEqualTo(202);
    assertThat(answer.close).isFalse();
    assertThat(answer.end()).isEqualTo(length);
    assertThat(answer.leadId(buffer)).isEqualTo(LEAD);
  }

  @Test
  void anAnswerIsIncompleteUntilItsWholeBodyHasArrived() {
    int length = received("HTTP/1.1 202 Accepted\r\nContent-Length: 20\r\n\r\n{\"leadId\":");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.INCOMPLETE);

    length = received("HTTP/1.1 202 Accep");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.INCOMPLETE);
  }

  @Test
  void aChunkedAnswerOrOneWithoutALengthIsMalformed() {
    int length = received("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.MALFORMED);
    assertThat(answer.problem).isEqualTo("chunked answer");

    length = received("HTTP/1.1 202 Accepted\r\n\r\n{}");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.MALFORMED);
    assertThat(answer.problem).isEqualTo("answer without Content-Length");

    length = received("SSH-2.0-OpenSSH\r\n\r\n");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.MALFORMED);
  }

  @Test
  void anAnswerLargerThanTheBufferIsMalformedRatherThanWaitedFor() {
    int length = received("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n{");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.MALFORMED);
    assertThat(answer.problem).isEqualTo("answer too large");
  }

  @Test
  void theServerClosingAfterTheAnswerIsNoticed() {
    int length = received("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.COMPLETE);
    assertThat(answer.status).isEqualTo(503);
    assertThat(answer.close).isTrue();

    length = received("HTTP/1.0 202 Accepted\r\nContent-Length: 2\r\n\r\n{}");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.COMPLETE);
    assertThat(answer.close).as("HTTP/1.0 closes unless told otherwise").isTrue();
  }

  @Test
  void aBodyWithoutAWellFormedLeadIdHasNone() {
    int length = received("HTTP/1.1 202 Accepted\r\nContent-Length: 24\r\n\r\n{\"leadId\":\"not-a-uuid\"}  ");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.COMPLETE);
    assertThat(answer.leadId(buffer)).isNull();

    length = received("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}");
    assertThat(answer.parse(buffer, length)).isEqualTo(HttpAnswer.State.COMPLETE);
    assertThat(answer.leadId(buffer)).isNull();
  }
}
