package com.leadflow.intake.imaging;

import com.leadflow.events.ImagingFormat;
import com.leadflow.intake.imaging.dicom.DicomHeader;
import com.leadflow.intake.imaging.dicom.DicomHeaderReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sorts the files of one upload by what their bytes are: DICOM instances, grouped into studies and
 * series by their UIDs; reports (PDF, JPEG, PNG); and, inside an archive only, files of no kind
 * the practice reads (a disc's viewer program, its readme), which are left out. A file whose name
 * claims a kind its bytes are not, or a DICOM file that cannot be placed in a study, refuses the
 * whole upload. A disc's DICOMDIR index is left out: the instances themselves say where they belong.
 */
final class UploadSorting {

    /** A file of the upload: sent as a part, or taken out of an archive. */
    record Candidate(String label, String name, Path file, long size, boolean fromArchive) {
    }

    record Report(Candidate file, ImagingFormat format) {
    }

    record Instance(Candidate file, DicomHeader header) {
    }

    record SeriesGroup(String seriesUid, Integer seriesNumber, String modality, String description, String bodyPart,
            List<Instance> instances) {
    }

    /**
     * The series in series-number order (then first seen); instances in instance-number order.
     */
    record StudyGroup(String studyUid, LocalDate studyDate, String description, String bodyPart,
            List<SeriesGroup> series) {

        String modality() {
            return series.stream().map(SeriesGroup::modality).filter(Objects::nonNull).findFirst().orElse(null);
        }
    }

    record Sorted(List<Report> reports, List<StudyGroup> studies, List<Candidate> leftOut) {
    }

    private UploadSorting() {
    }

    static Sorted sort(List<Candidate> candidates) throws IOException {
        List<Report> reports = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        List<Candidate> leftOut = new ArrayList<>();
        for (Candidate candidate : candidates) {
            byte[] header = StudyArchive.readHeader(candidate.file());
            Optional<ImagingFormat> detected = FileKind.detect(header);
            Optional<ImagingFormat> claimed = FileKind.claimedBy(candidate.name())
                    .filter(kind -> kind != ImagingFormat.OTHER);
            if (detected.isEmpty()) {
                if (candidate.fromArchive() && claimed.isPresent()) {
                    throw UploadRefusals.unsupported("content-mismatch", candidate.label() + " is named as "
                            + claimed.get() + " but its content is not " + claimed.get() + ".");
                }
                if (candidate.fromArchive()) {
                    // a disc's viewer program or readme: not imaging, and never stored
                    leftOut.add(candidate);
                    continue;
                }
                throw UploadRefusals.unsupported("unsupported-type", "Only DICOM, PDF, JPEG and PNG files are accepted; "
                        + (candidate.label().equals("file 1") ? "this file's" : candidate.label() + "'s")
                        + " content is none of them.");
            }
            if (claimed.isPresent() && claimed.get() != detected.get()) {
                throw UploadRefusals.unsupported("content-mismatch", candidate.label() + " is named as " + claimed.get()
                        + " but its content is " + detected.get() + ".");
            }
            if (detected.get() != ImagingFormat.DICOM) {
                reports.add(new Report(candidate, detected.get()));
                continue;
            }
            DicomHeader tags = readTags(candidate);
            if (tags.isDirectory()) {
                leftOut.add(candidate);
            } else if (!tags.placeable()) {
                throw UploadRefusals.unsupported("dicom-unplaceable", candidate.label()
                        + " is DICOM without a study or series UID, so it cannot be placed in a study.");
            } else {
                instances.add(new Instance(candidate, tags));
            }
        }
        return new Sorted(reports, group(instances), leftOut);
    }

    private static DicomHeader readTags(Candidate candidate) throws IOException {
        try (InputStream in = Files.newInputStream(candidate.file())) {
            return DicomHeaderReader.read(in);
        } catch (DicomHeaderReader.Unreadable e) {
            throw UploadRefusals.unsupported("dicom-unreadable", candidate.label()
                    + " starts like DICOM but its header cannot be read (" + e.getMessage() + ").");
        }
    }

    static List<StudyGroup> group(List<Instance> instances) {
        Map<String, Map<String, List<Instance>>> byStudy = new LinkedHashMap<>();
        for (Instance instance : instances) {
            byStudy.computeIfAbsent(instance.header().studyInstanceUid(), uid -> new LinkedHashMap<>())
                    .computeIfAbsent(instance.header().seriesInstanceUid(), uid -> new ArrayList<>())
                    .add(instance);
        }
        List<StudyGroup> studies = new ArrayList<>();
        byStudy.forEach((studyUid, bySeries) -> {
            List<SeriesGroup> series = new ArrayList<>();
            bySeries.forEach((seriesUid, members) -> {
                List<Instance> ordered = members.stream()
                        .sorted(Comparator.comparing((Instance i) -> i.header().instanceNumber(),
                                Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList();
                DicomHeader first = ordered.get(0).header();
                series.add(new SeriesGroup(seriesUid, first.seriesNumber(), first.modality(),
                        first.seriesDescription(), first.bodyPart(), ordered));
            });
            series.sort(Comparator.comparing(SeriesGroup::seriesNumber, Comparator.nullsLast(Comparator.naturalOrder())));
            DicomHeader first = series.get(0).instances().get(0).header();
            String bodyPart = series.stream().map(SeriesGroup::bodyPart).filter(Objects::nonNull).findFirst().orElse(null);
            LocalDate date = series.stream().flatMap(s -> s.instances().stream()).map(i -> i.header().studyDate())
                    .filter(Objects::nonNull).findFirst().orElse(null);
            studies.add(new StudyGroup(studyUid, date, first.studyDescription(), bodyPart, List.copyOf(series)));
        });
        return studies;
    }
}
