package com.leadflow.intake.imaging;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a ZIP of a study may hold. A disc export of a spine MRI is a few hundred slices of under a
 * megabyte each and compresses about 2:1; the defaults leave room for several such studies while
 * refusing archive bombs (a small file that expands without end) before they fill the disk.
 *
 * @param maxEntries files (and folders) in one archive
 * @param maxExpandedSize all entries together, expanded
 * @param maxRatio expanded size to archive size
 * @param maxDepth folder levels in an entry's name; an archive inside the archive is refused outright
 */
public record ArchiveLimits(
        @DefaultValue("2000") int maxEntries,
        @DefaultValue("1GB") DataSize maxExpandedSize,
        @DefaultValue("100") int maxRatio,
        @DefaultValue("8") int maxDepth) {
}
