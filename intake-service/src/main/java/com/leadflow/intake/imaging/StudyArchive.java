package com.leadflow.intake.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.springframework.http.HttpStatus;

/**
 * Expands a ZIP of a study (a disc or portal export) into temporary files, within
 * {@link ArchiveLimits}. Sizes are counted as bytes actually come out, never taken from the
 * archive's own claims, so a bomb is stopped once it passes the ratio or the total. Entry names
 * are checked (no {@code ..}, no absolute or drive paths, no backslashes, bounded depth) and then
 * used only for the kind their extension claims: files are written under names of intake's
 * choosing. On any refusal every file expanded so far is deleted.
 */
final class StudyArchive {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    /** A file taken out of an archive. */
    record Member(String label, String name, Path file, long size) {
    }

    private StudyArchive() {
    }

    static boolean isZip(byte[] header) {
        return header.length >= 4 && header[0] == ZIP_MAGIC[0] && header[1] == ZIP_MAGIC[1]
                && header[2] == ZIP_MAGIC[2] && header[3] == ZIP_MAGIC[3];
    }

    /**
     * The archive's files, in archive order; folders are counted but not returned.
     *
     * @param label how the archive is named in answers ("file 1")
     */
    static List<Member> expand(Path archive, String label, ArchiveLimits limits, long maxEntrySize) throws IOException {
        long archiveSize = Math.max(1, Files.size(archive));
        long maxTotal = Math.min(limits.maxExpandedSize().toBytes(), archiveSize * limits.maxRatio());
        List<Member> members = new ArrayList<>();
        boolean done = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            long total = 0;
            int entries = 0;
            ZipEntry entry;
            while ((entry = nextEntry(zip, label)) != null) {
                entries++;
                String where = label + ", entry " + entries;
                if (entries > limits.maxEntries()) {
                    throw UploadRefusals.archive(HttpStatus.CONTENT_TOO_LARGE, "archive-entries", label + " holds more than "
                            + limits.maxEntries() + " entries; send the study in several parts.");
                }
                checkName(entry.getName(), where, limits);
                if (entry.isDirectory()) {
                    continue;
                }
                Path file = Files.createTempFile("imaging-entry-", ".part");
                members.add(new Member(where, entry.getName(), file, 0));
                long size = copy(zip, file, where, maxEntrySize, total, maxTotal, limits);
                total += size;
                members.set(members.size() - 1, new Member(where, entry.getName(), file, size));
                byte[] header = readHeader(file);
                if (isZip(header)) {
                    throw UploadRefusals.archive(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "archive-nested",
                            where + " is an archive inside the archive; unpack it and send its files.");
                }
            }
            if (entries == 0) {
                throw UploadRefusals.archive(HttpStatus.BAD_REQUEST, "archive-empty", label + " is an empty archive.");
            }
            done = true;
            return members;
        } finally {
            if (!done) {
                members.forEach(member -> member.file().toFile().delete());
            }
        }
    }

    private static ZipEntry nextEntry(ZipInputStream zip, String label) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (ZipException | IllegalArgumentException e) {
            throw UploadRefusals.archive(HttpStatus.BAD_REQUEST, "archive-malformed",
                    label + " is not a readable ZIP archive (damaged or encrypted).");
        }
    }

    /** Names that would climb out of a folder, or start at a root, are refused, not repaired. */
    private static void checkName(String name, String where, ArchiveLimits limits) {
        boolean hostile = name.isEmpty() || name.startsWith("/") || name.contains("\\") || DRIVE.matcher(name).matches()
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        for (String segment : name.split("/")) {
            hostile |= segment.equals("..");
        }
        if (hostile) {
            throw UploadRefusals.archive(HttpStatus.BAD_REQUEST, "archive-path", where
                    + " has a name that points outside the archive (\"..\", an absolute path or a backslash).");
        }
        long depth = name.chars().filter(c -> c == '/').count() - (name.endsWith("/") ? 1 : 0);
        if (depth > limits.maxDepth()) {
            throw UploadRefusals.archive(HttpStatus.BAD_REQUEST, "archive-depth",
                    where + " lies more than " + limits.maxDepth() + " folders deep.");
        }
    }

    private static long copy(InputStream zip, Path file, String where, long maxEntrySize, long totalBefore,
            long maxTotal, ArchiveLimits limits) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = readChunk(zip, buffer, where)) > 0) {
                size += read;
                if (size > maxEntrySize) {
                    throw UploadRefusals.tooLarge(where, maxEntrySize);
                }
                if (totalBefore + size > maxTotal) {
                    throw totalBefore + size > limits.maxExpandedSize().toBytes()
                            ? UploadRefusals.archive(HttpStatus.CONTENT_TOO_LARGE, "archive-expanded-size",
                                    "The archive expands to more than " + limits.maxExpandedSize().toMegabytes() + " MB.")
                            : UploadRefusals.archive(HttpStatus.CONTENT_TOO_LARGE, "archive-ratio",
                                    "The archive expands to more than " + limits.maxRatio()
                                            + " times its size, as archive bombs do; it was not unpacked.");
                }
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    private static int readChunk(InputStream zip, byte[] buffer, String where) throws IOException {
        try {
            return zip.read(buffer);
        } catch (ZipException e) {
            throw UploadRefusals.archive(HttpStatus.BAD_REQUEST, "archive-malformed", where + " is damaged.");
        }
    }

    static byte[] readHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(FileKind.HEADER_BYTES);
        }
    }
}
