package com.leadflow.localstack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A stand-in scan as the form uploads it ({@code multipart/form-data}, fields {@code modality} and
 * {@code file}) to intake's {@code /api/imaging}, or later through a lead's status link.
 *
 * @param contentType the header to send, with the boundary
 */
record ScanUpload(String contentType, byte[] body) {

  /** A PNG signature is all intake looks at to tell the format; the rest stands in for the image. */
  static final byte[] SCAN = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
      "an MRI of the lumbar spine".getBytes(StandardCharsets.US_ASCII));

  static ScanUpload mri() {
    String boundary = "leadflow-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"modality\"\r\n\r\nMRI\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(SCAN);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return new ScanUpload("multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
