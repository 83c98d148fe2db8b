package com.leadflow.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes DICOM Part 10 files for tests (preamble, {@code DICM}, explicit VR little endian): MR slices
 * of a made-up phantom, never a person's. Each slice draws a bright disc whose size changes with the
 * slice, so a viewer that shows a slice shows pixels that are not blank, and the next slice differs.
 */
public final class SyntheticDicom {

    /** A series to make: its UID, number, description and how many slices. */
    public record Series(String uid, int number, String description, int slices) {
    }

    /** MR Image Storage. */
    private static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    private static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    private static final int SIZE = 64;

    private SyntheticDicom() {
    }

    /** One slice of an MR study of the lumbar spine. */
    public static byte[] slice(String studyUid, LocalDate studyDate, Series series, int instanceNumber) {
        String sopUid = series.uid() + "." + instanceNumber;
        ByteArrayOutputStream dataSet = new ByteArrayOutputStream();
        element(dataSet, 0x0008, 0x0016, "UI", uid(MR_IMAGE));
        element(dataSet, 0x0008, 0x0018, "UI", uid(sopUid));
        element(dataSet, 0x0008, 0x0020, "DA", text(studyDate.format(DateTimeFormatter.BASIC_ISO_DATE)));
        element(dataSet, 0x0008, 0x0060, "CS", text("MR"));
        element(dataSet, 0x0008, 0x1030, "LO", text("MRI LUMBAR SPINE"));
        element(dataSet, 0x0008, 0x103E, "LO", text(series.description()));
        element(dataSet, 0x0018, 0x0015, "CS", text("LSPINE"));
        element(dataSet, 0x0018, 0x0050, "DS", text("4"));
        element(dataSet, 0x0020, 0x000D, "UI", uid(studyUid));
        element(dataSet, 0x0020, 0x000E, "UI", uid(series.uid()));
        element(dataSet, 0x0020, 0x0011, "IS", text(Integer.toString(series.number())));
        element(dataSet, 0x0020, 0x0013, "IS", text(Integer.toString(instanceNumber)));
        element(dataSet, 0x0020, 0x0032, "DS", text("0\\0\\" + (instanceNumber * 4)));
        element(dataSet, 0x0020, 0x0037, "DS", text("1\\0\\0\\0\\1\\0"));
        element(dataSet, 0x0028, 0x0002, "US", shortValue(1));
        element(dataSet, 0x0028, 0x0004, "CS", text("MONOCHROME2"));
        element(dataSet, 0x0028, 0x0010, "US", shortValue(SIZE));
        element(dataSet, 0x0028, 0x0011, "US", shortValue(SIZE));
        element(dataSet, 0x0028, 0x0030, "DS", text("1\\1"));
        element(dataSet, 0x0028, 0x0100, "US", shortValue(16));
        element(dataSet, 0x0028, 0x0101, "US", shortValue(12));
        element(dataSet, 0x0028, 0x0102, "US", shortValue(11));
        element(dataSet, 0x0028, 0x0103, "US", shortValue(0));
        element(dataSet, 0x0028, 0x1050, "DS", text("500"));
        element(dataSet, 0x0028, 0x1051, "DS", text("1000"));
        element(dataSet, 0x7FE0, 0x0010, "OW", pixels(instanceNumber));

        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
        element(meta, 0x0002, 0x0002, "UI", uid(MR_IMAGE));
        element(meta, 0x0002, 0x0003, "UI", uid(sopUid));
        element(meta, 0x0002, 0x0010, "UI", uid(EXPLICIT_LITTLE_ENDIAN));
        element(meta, 0x0002, 0x0012, "UI", uid("1.2.826.0.1.3680043.10.1"));

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(file, 0x0002, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
        file.writeBytes(meta.toByteArray());
        file.writeBytes(dataSet.toByteArray());
        return file.toByteArray();
    }

    /** A ZIP as a disc export holds it: one folder per series, files without an extension. */
    public static byte[] studyZip(String studyUid, LocalDate studyDate, List<Series> series) {
        List<Entry> entries = new ArrayList<>();
        for (Series s : series) {
            for (int i = 1; i <= s.slices(); i++) {
                entries.add(new Entry("DICOM/S" + s.number() + "/IM" + i, slice(studyUid, studyDate, s, i)));
            }
        }
        return zip(entries);
    }

    /** A ZIP entry to write: its name and bytes. */
    public record Entry(String name, byte[] bytes) {
    }

    public static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] pixels(int instanceNumber) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE * SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
        double radius = 8 + 3 * instanceNumber;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double distance = Math.hypot(x - SIZE / 2.0, y - SIZE / 2.0);
                int value = distance < radius ? 1000 - (int) (distance * 10) : 40 + x;
                buffer.putShort((short) value);
            }
        }
        return buffer.array();
    }

    private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (List.of("OB", "OW", "SQ", "UN", "UT").contains(vr)) {
            header.putShort((short) 0).putInt(value.length);
        } else {
            header.putShort((short) value.length);
        }
        out.write(header.array(), 0, header.position());
        out.writeBytes(value);
    }

    /** Text values are padded with a space to an even length, UIDs with a NUL, as DICOM requires. */
    private static byte[] text(String value) {
        return pad(value, ' ');
    }

    private static byte[] uid(String value) {
        return pad(value, '\0');
    }

    private static byte[] pad(String value, char padding) {
        String even = value.length() % 2 == 0 ? value : value + padding;
        return even.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] shortValue(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
    }
}
