package com.leadflow.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One HTTP/1.1 answer read from the bytes a connection has received so far. The generator only
 * needs the status, where the body ends and whether the connection may carry the next request, so
 * that is all it reads: an answer it cannot frame by its Content-Length (chunked, none given, too
 * large for the buffer) is malformed, and the request it answers counts as failed rather than
 * guessed at. One instance per connection, reused for each answer, so reading allocates nothing.
 */
final class HttpAnswer {

  enum State { INCOMPLETE, COMPLETE, MALFORMED }

  private static final byte[] HEAD_END = ascii("\r\n\r\n");
  private static final byte[] LEAD_ID = ascii("\"leadId\":\"");
  private static final int UUID_LENGTH = 36;

  int status;
  int bodyStart;
  int bodyLength;
  /** The server said it closes the connection after this answer (or spoke HTTP/1.0). */
  boolean close;
  /** Why the answer is malformed, as a failure kind. */
  String problem;

  /** Reads {@code in[0, length)}; {@code in.length} is the most an answer may take. */
  State parse(byte[] in, int length) {
    int headEnd = indexOf(in, 0, length, HEAD_END);
    if (headEnd < 0) {
      return length >= in.length ? malformed("answer head too large") : State.INCOMPLETE;
    }
    if (headEnd < 12 || !startsWith(in, 0, "HTTP/1.") || in[8] != ' ') {
      return malformed("not an HTTP/1.x answer");
    }
    status = decimal(in, 9, 12);
    if (status < 0) {
      return malformed("not an HTTP/1.x answer");
    }
    close = in[7] == '0';
    boolean chunked = false;
    long contentLength = -1;
    int line = indexOf(in, 0, headEnd + 2, HEAD_END, 2) + 2;
    while (line < headEnd) {
      int end = indexOf(in, line, headEnd + 2, HEAD_END, 2);
      int colon = indexOf(in, line, end, (byte) ':');
      if (colon < 0) {
        return malformed("not an HTTP/1.x answer");
      }
      int value = colon + 1;
      while (value < end && in[value] == ' ') {
        value++;
      }
      if (nameIs(in, line, colon, "content-length")) {
        contentLength = decimal(in, value, trimEnd(in, value, end));
      } else if (nameIs(in, line, colon, "transfer-encoding")) {
        chunked = true;
      } else if (nameIs(in, line, colon, "connection")) {
        close |= containsIgnoringCase(in, value, end, "close");
      }
      line = end + 2;
    }
    if (chunked) {
      return malformed("chunked answer");
    }
    if (contentLength < 0) {
      return malformed("answer without Content-Length");
    }
    bodyStart = headEnd + HEAD_END.length;
    if (bodyStart + contentLength > in.length) {
      return malformed("answer too large");
    }
    bodyLength = (int) contentLength;
    return length < bodyStart + bodyLength ? State.INCOMPLETE : State.COMPLETE;
  }

  int end() {
    return bodyStart + bodyLength;
  }

  /** The lead id of a complete answer's JSON body, or null when it has none. */
  UUID leadId(byte[] in) {
    int at = indexOf(in, bodyStart, end(), LEAD_ID);
    if (at < 0 || at + LEAD_ID.length + UUID_LENGTH > end()) {
      return null;
    }
    int from = at + LEAD_ID.length;
    // 8-4-4-4-12 hex digits: read straight from the bytes, no String on the way
    long high = 0;
    long low = 0;
    for (int i = 0; i < UUID_LENGTH; i++) {
      byte b = in[from + i];
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (b != '-') {
          return null;
        }
        continue;
      }
      int digit = Character.digit(b, 16);
      if (digit < 0) {
        return null;
      }
      if (i < 18) {
        high = high << 4 | digit;
      } else {
        low = low << 4 | digit;
      }
    }
    return new UUID(high, low);
  }

  private State malformed(String why) {
    problem = why;
    return State.MALFORMED;
  }

  static int indexOf(byte[] in, int from, int to, byte[] needle) {
    return indexOf(in, from, to, needle, needle.length);
  }

  /** Where the first {@code length} bytes of {@code needle} start in {@code in[from, to)}, or -1. */
  private static int indexOf(byte[] in, int from, int to, byte[] needle, int length) {
    outer:
    for (int i = from; i <= to - length; i++) {
      for (int j = 0; j < length; j++) {
        if (in[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int indexOf(byte[] in, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (in[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int trimEnd(byte[] in, int from, int to) {
    while (to > from && in[to - 1] == ' ') {
      to--;
    }
    return to;
  }

  /** The decimal number in {@code in[from, to)}, or -1 when it is empty or not all digits. */
  private static int decimal(byte[] in, int from, int to) {
    if (from >= to || to - from > 9) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      if (in[i] < '0' || in[i] > '9') {
        return -1;
      }
      value = value * 10 + in[i] - '0';
    }
    return value;
  }

  private static boolean startsWith(byte[] in, int from, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (in[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean nameIs(byte[] in, int from, int to, String lowerCaseName) {
    return to - from == lowerCaseName.length() && containsIgnoringCase(in, from, to, lowerCaseName);
  }

  private static boolean containsIgnoringCase(byte[] in, int from, int to, String lowerCaseWord) {
    outer:
    for (int i = from; i <= to - lowerCaseWord.length(); i++) {
      for (int j = 0; j < lowerCaseWord.length(); j++) {
        if (Character.toLowerCase(in[i + j]) != lowerCaseWord.charAt(j)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
