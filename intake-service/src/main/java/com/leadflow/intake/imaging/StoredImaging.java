package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.events.ImagingReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An uploaded imaging file as intake records it; only {@link #reference()} ever leaves the service. */
public record StoredImaging(UUID id, UUID leadId, ImagingFormat format, ImagingModality modality, long sizeBytes,
        String sha256, LocalDate studyDate, Instant uploadedAt, String storageKey) {

    public ImagingReference reference() {
        return ImagingReference.newBuilder()
                .setImagingId(id.toString())
                .setFormat(format)
                .setModality(modality)
                .setSizeBytes(sizeBytes)
                .setSha256(sha256)
                .setStudyDate(studyDate)
                .setUploadedAt(uploadedAt)
                .build();
    }
}
