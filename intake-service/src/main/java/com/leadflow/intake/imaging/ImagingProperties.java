package com.leadflow.intake.imaging;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Imaging uploads.
 *
 * @param maxFileSize the largest file accepted, stated to visitors; larger uploads get 413
 * @param directory where the directory store keeps files
 * @param maxFiles files in one upload (a study may come as many DICOM files at once)
 * @param archive what a ZIP of a study may hold
 */
@ConfigurationProperties("leadflow.intake.imaging")
public record ImagingProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue(".local/data/intake-imaging") Path directory,
        @DefaultValue("1000") int maxFiles,
        @DefaultValue ArchiveLimits archive) {
}
