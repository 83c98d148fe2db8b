package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.ImagingSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded imaging file or DICOM study as intake records it; only {@link #reference()} ever
 * leaves the service. A study's bytes are its instances (see {@link StoredSeries}); its
 * {@code storageKey} is its first instance's, so the plain download still gives one file.
 *
 * @param studyUid the StudyInstanceUID of a DICOM study; null for a report (PDF or image)
 * @param series a study's series in the order they are served; empty for a report
 */
public record StoredImaging(UUID id, UUID leadId, ImagingFormat format, ImagingModality modality, long sizeBytes,
        String sha256, LocalDate studyDate, Instant uploadedAt, String storageKey, String studyUid,
        String studyDescription, String bodyPart, List<StoredSeries> series) {

    public StoredImaging {
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** A single file (a report, an image) with no study tags. */
    public StoredImaging(UUID id, UUID leadId, ImagingFormat format, ImagingModality modality, long sizeBytes,
            String sha256, LocalDate studyDate, Instant uploadedAt, String storageKey) {
        this(id, leadId, format, modality, sizeBytes, sha256, studyDate, uploadedAt, storageKey, null, null, null,
                List.of());
    }

    public StoredImaging withSeries(List<StoredSeries> loaded) {
        return new StoredImaging(id, leadId, format, modality, sizeBytes, sha256, studyDate, uploadedAt, storageKey,
                studyUid, studyDescription, bodyPart, loaded);
    }

    public ImagingReference reference() {
        return ImagingReference.newBuilder()
                .setImagingId(id.toString())
                .setFormat(format)
                .setModality(modality)
                .setSizeBytes(sizeBytes)
                .setSha256(sha256)
                .setStudyDate(studyDate)
                .setUploadedAt(uploadedAt)
                .setStudyInstanceUid(studyUid)
                .setStudyDescription(studyDescription)
                .setBodyPart(bodyPart)
                .setSeries(series.stream().map(s -> ImagingSeries.newBuilder()
                        .setSeriesInstanceUid(s.seriesUid())
                        .setSeriesNumber(s.seriesNumber())
                        .setModality(s.modality())
                        .setDescription(s.description())
                        .setBodyPart(s.bodyPart())
                        .setImageCount(s.imageCount())
                        .build()).toList())
                .build();
    }
}
