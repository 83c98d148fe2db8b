package com.leadflow.intake.imaging.dicom;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the header of a DICOM Part 10 file (128-byte preamble, {@code DICM}, the explicit-VR meta
 * group, then the data set in the transfer syntax the meta group names) up to the last attribute
 * {@link DicomHeader} needs; pixel data is never read.
 *
 * <p>Written here because no DICOM library is served by the registries this project can reach
 * (dcm4che publishes to its own repository; see the module README). It covers what disc and portal
 * exports contain: implicit and explicit VR little endian and every compressed syntax (their
 * headers are explicit VR little endian too). Big endian and deflated data sets are refused as
 * unreadable. Sequences of defined and undefined length are skipped, to a bounded depth, and no
 * value longer than {@link #MAX_VALUE_BYTES} is ever held in memory.
 */
public final class DicomHeaderReader {

    /** Thrown for bytes that are not a DICOM file this reader can read; the message names no value. */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    static final int MAX_VALUE_BYTES = 1024;
    private static final int MAX_SEQUENCE_DEPTH = 16;
    private static final int UNDEFINED = -1;
    private static final int LAST_NEEDED = 0x0020_0013;
    private static final int ITEM = 0xFFFE_E000;
    private static final int ITEM_END = 0xFFFE_E00D;
    private static final int SEQUENCE_END = 0xFFFE_E0DD;
    private static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC",
            "UN", "UR", "UT", "UV");
    private static final Set<Integer> WANTED = Set.of(0x0002_0002, 0x0002_0010, 0x0008_0018, 0x0008_0020,
            0x0008_0060, 0x0008_1030, 0x0008_103E, 0x0018_0015, 0x0020_000D, 0x0020_000E, 0x0020_0011, 0x0020_0013);

    private final DataInputStream in;
    private final Map<Integer, String> values = new HashMap<>();

    private DicomHeaderReader(InputStream in) {
        this.in = new DataInputStream(new BufferedInputStream(in, 16 * 1024));
    }

    /** Reads the header; the stream is left somewhere before the pixel data and is not closed. */
    public static DicomHeader read(InputStream in) throws IOException {
        return new DicomHeaderReader(in).read();
    }

    private DicomHeader read() throws IOException {
        try {
            in.skipNBytes(128);
            byte[] magic = in.readNBytes(4);
            if (!"DICM".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new Unreadable("no DICM marker after the preamble");
            }
            readMetaGroup();
            String named = text(0x0002_0010);
            String syntax = named == null ? "1.2.840.10008.1.2.1" : named;
            if (syntax.equals("1.2.840.10008.1.2.2") || syntax.equals("1.2.840.10008.1.2.1.99")) {
                throw new Unreadable("big-endian or deflated data sets are not supported");
            }
            readDataSet(!syntax.equals("1.2.840.10008.1.2"));
        } catch (EOFException e) {
            // a file may end right after its last attribute; an element cut short is caught below
            if (values.isEmpty()) {
                throw new Unreadable("the file ends inside its header");
            }
        }
        return new DicomHeader(text(0x0002_0002), text(0x0008_0018), text(0x0020_000D), text(0x0020_000E),
                date(text(0x0008_0020)), text(0x0008_0060), text(0x0008_1030), text(0x0008_103E), text(0x0018_0015),
                integer(text(0x0020_0011)), integer(text(0x0020_0013)));
    }

    /** The meta group is always explicit VR little endian; its first element says how long it is. */
    private void readMetaGroup() throws IOException {
        int tag = readTag();
        if (tag != 0x0002_0000) {
            throw new Unreadable("the file meta group does not start with its length");
        }
        String vr = new String(in.readNBytes(2), StandardCharsets.US_ASCII);
        int length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        if (!"UL".equals(vr) || length != 4) {
            throw new Unreadable("the file meta group length is malformed");
        }
        long remaining = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        long consumed = 0;
        while (consumed < remaining) {
            int elementTag = readTag();
            consumed += 4 + readExplicitHeaderAndValue(elementTag);
        }
    }

    private void readDataSet(boolean explicit) throws IOException {
        while (true) {
            int tag = readTag();
            if (Integer.compareUnsigned(tag, LAST_NEEDED) > 0) {
                return;
            }
            if (explicit) {
                readExplicitHeaderAndValue(tag);
            } else {
                long length = readLength();
                if (length == UNDEFINED) {
                    skipUndefined(false, 0);
                } else {
                    value(tag, length);
                }
            }
        }
    }

    /** Reads one explicit-VR element after its tag; answers how many bytes followed the tag. */
    private long readExplicitHeaderAndValue(int tag) throws IOException {
        String vr = new String(in.readNBytes(2), StandardCharsets.US_ASCII);
        long length;
        long headerBytes;
        if (LONG_LENGTH_VRS.contains(vr)) {
            in.skipNBytes(2);
            length = readLength();
            headerBytes = 8;
        } else {
            length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            headerBytes = 4;
        }
        if (length == UNDEFINED) {
            skipUndefined(true, 0);
            return headerBytes;
        }
        value(tag, length);
        return headerBytes + length;
    }

    private void value(int tag, long length) throws IOException {
        if (WANTED.contains(tag) && length <= MAX_VALUE_BYTES) {
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new Unreadable("an attribute is cut short");
            }
            values.put(tag, new String(bytes, StandardCharsets.ISO_8859_1));
        } else {
            in.skipNBytes(length);
        }
    }

    /**
     * Skips a value of undefined length: a sequence of items, or encapsulated pixel data
     * (fragments as items), up to its sequence delimiter.
     */
    private void skipUndefined(boolean explicit, int depth) throws IOException {
        if (depth > MAX_SEQUENCE_DEPTH) {
            throw new Unreadable("sequences are nested too deeply");
        }
        while (true) {
            int tag = readTag();
            long length = readLength();
            if (tag == SEQUENCE_END) {
                return;
            }
            if (tag != ITEM) {
                throw new Unreadable("a sequence holds something other than items");
            }
            if (length != UNDEFINED) {
                in.skipNBytes(length);
                continue;
            }
            skipItemElements(explicit, depth + 1);
        }
    }

    private void skipItemElements(boolean explicit, int depth) throws IOException {
        while (true) {
            int tag = readTag();
            if (tag == ITEM_END) {
                in.skipNBytes(4);
                return;
            }
            long length;
            if (explicit) {
                String vr = new String(in.readNBytes(2), StandardCharsets.US_ASCII);
                if (LONG_LENGTH_VRS.contains(vr)) {
                    in.skipNBytes(2);
                    length = readLength();
                } else {
                    length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                }
            } else {
                length = readLength();
            }
            if (length == UNDEFINED) {
                skipUndefined(explicit, depth + 1);
            } else {
                in.skipNBytes(length);
            }
        }
    }

    /** A tag as group then element, each little endian, combined as {@code gggg eeee}. */
    private int readTag() throws IOException {
        int group = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        int element = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        return group << 16 | element;
    }

    /** A 4-byte little-endian length; {@link #UNDEFINED} for FFFFFFFF. */
    private long readLength() throws IOException {
        int raw = Integer.reverseBytes(in.readInt());
        return raw == -1 ? UNDEFINED : Integer.toUnsignedLong(raw);
    }

    private String text(int tag) {
        String raw = values.get(tag);
        if (raw == null) {
            return null;
        }
        String cleaned = raw.replaceAll("[\\p{Cntrl}]", " ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replace(".", "");
        try {
            return LocalDate.parse(digits, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
