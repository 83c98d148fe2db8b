package com.leadflow.intake.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.test.SyntheticDicom;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DicomHeaderReaderTest {

    static final SyntheticDicom.Series SERIES = new SyntheticDicom.Series("1.2.3.4.2", 2, "SAG T2", 3);

    @Test
    void theTagsAClinicianTriagesByAreRead() throws IOException {
        DicomHeader header = read(SyntheticDicom.slice("1.2.3.4", LocalDate.of(2026, 8, 14), SERIES, 3));

        assertThat(header.studyInstanceUid()).isEqualTo("1.2.3.4");
        assertThat(header.seriesInstanceUid()).isEqualTo("1.2.3.4.2");
        assertThat(header.sopInstanceUid()).isEqualTo("1.2.3.4.2.3");
        assertThat(header.studyDate()).isEqualTo(LocalDate.of(2026, 8, 14));
        assertThat(header.modality()).isEqualTo("MR");
        assertThat(header.studyDescription()).isEqualTo("MRI LUMBAR SPINE");
        assertThat(header.seriesDescription()).isEqualTo("SAG T2");
        assertThat(header.bodyPart()).isEqualTo("LSPINE");
        assertThat(header.seriesNumber()).isEqualTo(2);
        assertThat(header.instanceNumber()).isEqualTo(3);
        assertThat(header.isDirectory()).isFalse();
    }

    @Test
    void sequencesOfUndefinedLengthAreSkippedInImplicitAndExplicitData() throws IOException {
        for (boolean explicit : new boolean[] {true, false}) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            element(data, explicit, 0x0008, 0x0060, "CS", "CT");
            // a referenced-image sequence: one item of undefined length holding a nested sequence
            tag(data, 0x0008, 0x1140);
            if (explicit) {
                data.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
                data.writeBytes(new byte[2]);
            }
            data.writeBytes(le(-1));
            tag(data, 0xFFFE, 0xE000);
            data.writeBytes(le(-1));
            element(data, explicit, 0x0008, 0x1150, "UI", "1.2.840.10008.5.1.4.1.1.2");
            tag(data, 0xFFFE, 0xE00D);
            data.writeBytes(le(0));
            tag(data, 0xFFFE, 0xE0DD);
            data.writeBytes(le(0));
            element(data, explicit, 0x0020, 0x000D, "UI", "9.8.7");
            element(data, explicit, 0x0020, 0x000E, "UI", "9.8.7.1");

            DicomHeader header = read(file(explicit ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2", data.toByteArray()));

            assertThat(header.modality()).as("explicit %s", explicit).isEqualTo("CT");
            assertThat(header.studyInstanceUid()).isEqualTo("9.8.7");
            assertThat(header.seriesInstanceUid()).isEqualTo("9.8.7.1");
        }
    }

    @Test
    void bytesThatOnlyLookLikeDicomAreUnreadable() {
        byte[] fake = new byte[300];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, fake, 128, 4);
        assertThatThrownBy(() -> read(fake)).isInstanceOf(DicomHeaderReader.Unreadable.class);

        byte[] slice = SyntheticDicom.slice("1.2.3.4", LocalDate.of(2026, 8, 14), SERIES, 1);
        assertThatThrownBy(() -> read(Arrays.copyOf(slice, 150))).isInstanceOf(IOException.class);
    }

    @Test
    void aBigEndianDataSetIsRefusedRatherThanMisread() {
        assertThatThrownBy(() -> read(file("1.2.840.10008.1.2.2", new byte[0])))
                .isInstanceOf(DicomHeaderReader.Unreadable.class).hasMessageContaining("big-endian");
    }

    private static DicomHeader read(byte[] bytes) throws IOException {
        return DicomHeaderReader.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] file(String transferSyntax, byte[] dataSet) {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, true, 0x0002, 0x0010, "UI", transferSyntax);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        tag(out, 0x0002, 0x0000);
        out.writeBytes("UL".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {4, 0});
        out.writeBytes(le(meta.size()));
        out.writeBytes(meta.toByteArray());
        out.writeBytes(dataSet);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, boolean explicit, int group, int element, String vr,
            String value) {
        String even = value.length() % 2 == 0 ? value : value + (vr.equals("UI") ? "\0" : " ");
        tag(out, group, element);
        if (explicit) {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) even.length(), 0});
        } else {
            out.writeBytes(le(even.length()));
        }
        out.writeBytes(even.getBytes(StandardCharsets.US_ASCII));
    }

    private static void tag(ByteArrayOutputStream out, int group, int element) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group)
                .putShort((short) element).array());
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
