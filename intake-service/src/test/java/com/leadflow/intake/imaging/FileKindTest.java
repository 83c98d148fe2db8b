package com.leadflow.intake.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.ImagingFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileKindTest {

    @Test
    void dicomIsKnownByDicmAtOffset128NotByItsName() {
        byte[] dicom = new byte[132];
        System.arraycopy("DICM".getBytes(), 0, dicom, 128, 4);
        assertThat(FileKind.detect(dicom)).contains(ImagingFormat.DICOM);
        byte[] dicmAtStart = "DICM and then nothing of a DICOM preamble".getBytes();
        assertThat(FileKind.detect(dicmAtStart)).isEmpty();
    }

    @Test
    void pdfJpegAndPngAreKnownByTheirSignatures() {
        assertThat(FileKind.detect("%PDF-1.4".getBytes())).contains(ImagingFormat.PDF);
        assertThat(FileKind.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(ImagingFormat.JPEG);
        assertThat(FileKind.detect(ImagingUploadTest.PNG)).contains(ImagingFormat.PNG);
        assertThat(FileKind.detect("MZ\u0090".getBytes())).isEmpty();
        assertThat(FileKind.detect(new byte[0])).isEmpty();
    }

    @Test
    void theNameOnlyMakesAClaim() {
        assertThat(FileKind.claimedBy("scan.DCM")).contains(ImagingFormat.DICOM);
        assertThat(FileKind.claimedBy("report.final.pdf")).contains(ImagingFormat.PDF);
        assertThat(FileKind.claimedBy("photo.jpeg")).contains(ImagingFormat.JPEG);
        assertThat(FileKind.claimedBy("setup.exe")).contains(ImagingFormat.OTHER);
        assertThat(FileKind.claimedBy("IM000001")).isEqualTo(Optional.empty());
    }
}
