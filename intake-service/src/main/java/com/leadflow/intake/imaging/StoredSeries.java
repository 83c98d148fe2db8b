package com.leadflow.intake.imaging;

/**
 * One series of a stored study.
 *
 * @param index the series' place in its study (0-based), as it is addressed in the instance links
 * @param modality the DICOM modality code as the files carry it (MR, CT, ...)
 * @param imageCount how many instances are stored; they are addressed 0 to imageCount - 1
 */
public record StoredSeries(int index, String seriesUid, Integer seriesNumber, String modality, String description,
        String bodyPart, int imageCount) {
}
