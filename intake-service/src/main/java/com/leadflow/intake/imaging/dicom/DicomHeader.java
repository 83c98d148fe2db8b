package com.leadflow.intake.imaging.dicom;

import java.time.LocalDate;

/**
 * The few attributes of one DICOM instance a clinician triages by and intake groups by. Values are
 * as the file carries them, trimmed, stripped of control characters and cut to 64 characters
 * (the longest the DICOM value representations used here allow).
 *
 * @param mediaStorageSopClassUid (0002,0002): tells a DICOMDIR (a disc's index) from an image
 * @param instanceNumber (0020,0013), the slice order within a series; null when absent
 */
public record DicomHeader(String mediaStorageSopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, LocalDate studyDate, String modality, String studyDescription,
        String seriesDescription, String bodyPart, Integer seriesNumber, Integer instanceNumber) {

    /** The SOP class of a DICOMDIR, the index file of a disc or a portal export. */
    public static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    public boolean isDirectory() {
        return MEDIA_STORAGE_DIRECTORY.equals(mediaStorageSopClassUid);
    }

    /** An image instance needs both UIDs to be placed in its study and series. */
    public boolean placeable() {
        return studyInstanceUid != null && seriesInstanceUid != null;
    }
}
