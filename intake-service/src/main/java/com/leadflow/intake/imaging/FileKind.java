package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an uploaded file really is, judged by its first bytes and never by its name: DICOM has
 * "DICM" at offset 128, PDF starts with "%PDF-", JPEG with FF D8 FF, PNG with its 8-byte signature.
 * A name whose extension claims another kind than the bytes show is refused, so a renamed file
 * cannot pass as imaging.
 */
public final class FileKind {

    /** How many leading bytes {@link #detect} needs. */
    public static final int HEADER_BYTES = 132;

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);

    private FileKind() {
    }

    /** The format the bytes show, if it is one the practice accepts. */
    public static Optional<ImagingFormat> detect(byte[] header) {
        if (startsWith(header, 128, DICM)) {
            return Optional.of(ImagingFormat.DICOM);
        }
        if (startsWith(header, 0, PDF)) {
            return Optional.of(ImagingFormat.PDF);
        }
        if (startsWith(header, 0, JPEG)) {
            return Optional.of(ImagingFormat.JPEG);
        }
        if (startsWith(header, 0, PNG)) {
            return Optional.of(ImagingFormat.PNG);
        }
        return Optional.empty();
    }

    /** The format a file name claims by its extension; empty when it claims none we know. */
    public static Optional<ImagingFormat> claimedBy(String filename) {
        if (filename == null || !filename.contains(".")) {
            return Optional.empty();
        }
        String extension = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "dcm", "dicom" -> Optional.of(ImagingFormat.DICOM);
            case "pdf" -> Optional.of(ImagingFormat.PDF);
            case "jpg", "jpeg" -> Optional.of(ImagingFormat.JPEG);
            case "png" -> Optional.of(ImagingFormat.PNG);
            default -> Optional.of(ImagingFormat.OTHER);
        };
    }

    /** The media type to serve a stored file with. */
    public static String mediaType(ImagingFormat format) {
        return switch (format) {
            case DICOM -> "application/dicom";
            case PDF -> "application/pdf";
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            default -> "application/octet-stream";
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
