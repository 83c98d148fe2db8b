package com.leadflow.review.task;

import static com.leadflow.review.task.ReviewTaskRows.join;
import static com.leadflow.review.task.ReviewTaskRows.utc;

import com.leadflow.platform.db.Columns;
import com.leadflow.platform.db.SqlRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Review tasks and their imaging as the Kafka consumers write them: blocking, on the platform's
 * JDBC pool, inside the poll's transaction (the clinicians' HTTP side keeps {@link ReviewTaskStore}
 * on R2DBC). A poll of many leads writes their rows with multi-row statements in the chunks of
 * {@link SqlRows}, and reads them with {@code in} lists of the same four sizes, so a statement has
 * one of a few shapes whatever the poll's size.
 */
@Repository
public class AdmissionStore {

    private final JdbcClient jdbc;

    public AdmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An imaging reference as it belongs to one lead. */
    public record LeadImaging(String leadId, ImagingStudy study) {
    }

    /**
     * Adds each task whose lead has none yet and returns the leads whose task was added; a lead
     * that already has one keeps it. The tasks' lead ids must differ.
     */
    public Set<String> addTasks(List<ReviewTask> tasks) {
        int added = 0;
        for (List<ReviewTask> chunk : SqlRows.chunks(tasks)) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                ReviewTask task = chunk.get(i);
                ClinicalSummary c = task.clinical();
                params.put("reviewId" + i, task.reviewId());
                params.put("leadId" + i, task.leadId());
                params.put("status" + i, task.status().name());
                params.put("priority" + i, task.priority().name());
                params.put("condition" + i, c.condition().name());
                params.put("symptoms" + i, join(c.symptoms()));
                params.put("redFlags" + i, join(c.redFlags()));
                params.put("painLevel" + i, c.painLevel());
                params.put("painDuration" + i, c.painDuration());
                params.put("treatments" + i, join(c.treatmentsTried()));
                params.put("procedure" + i, c.procedureOfInterest() == null ? null : c.procedureOfInterest().name());
                params.put("age" + i, c.age());
                params.put("submittedAt" + i, utc(task.submittedAt()));
                params.put("queuedAt" + i, utc(task.queuedAt()));
                params.put("dueAt" + i, utc(task.dueAt()));
                params.put("latestStudyDate" + i, task.latestStudyDate());
            }
            added += jdbc.sql("""
                    insert into review_task (review_id, lead_id, status, priority, spine_condition, symptoms, red_flags,
                        pain_level, pain_duration, treatments_tried, procedure_of_interest, age, submitted_at, queued_at,
                        due_at, latest_study_date)
                    values %s
                    on conflict do nothing""".formatted(SqlRows.values(chunk.size(), """
                    (:reviewId#, :leadId#, :status#, :priority#, :condition#, :symptoms#, :redFlags#, :painLevel#,
                        :painDuration#, :treatments#, :procedure#, :age#, :submittedAt#, :queuedAt#, :dueAt#,
                        :latestStudyDate#)""")))
                    .params(params).update();
        }
        Set<String> leads = new HashSet<>();
        tasks.forEach(task -> leads.add(task.leadId()));
        if (added == tasks.size()) {
            return leads;
        }
        // some lead had a task already: the tasks that went in are the ones whose review id is on record
        Set<String> reviewIds = new HashSet<>();
        for (List<String> in : inLists(List.copyOf(leads))) {
            reviewIds.addAll(jdbc.sql("select review_id from review_task where lead_id in (:leads)")
                    .param("leads", in).query(String.class).list());
        }
        Set<String> addedLeads = new HashSet<>();
        tasks.stream().filter(task -> reviewIds.contains(task.reviewId())).forEach(task -> addedLeads.add(task.leadId()));
        return addedLeads;
    }

    /** Keeps imaging references with their series; a reference already kept for its lead is kept once. */
    public void addImaging(List<LeadImaging> imaging) {
        for (List<LeadImaging> chunk : SqlRows.chunks(imaging)) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                ImagingStudy study = chunk.get(i).study();
                params.put("leadId" + i, chunk.get(i).leadId());
                params.put("imagingId" + i, study.imagingId());
                params.put("modality" + i, study.modality());
                params.put("format" + i, study.format());
                params.put("size" + i, study.sizeBytes());
                params.put("studyDate" + i, study.studyDate());
                params.put("uploadedAt" + i, utc(study.uploadedAt()));
                params.put("description" + i, study.studyDescription());
                params.put("bodyPart" + i, study.bodyPart());
            }
            jdbc.sql("""
                    insert into review_imaging (lead_id, imaging_id, modality, file_format, size_bytes, study_date,
                        uploaded_at, study_description, body_part)
                    values %s
                    on conflict do nothing""".formatted(SqlRows.values(chunk.size(), """
                    (:leadId#, :imagingId#, :modality#, :format#, :size#, :studyDate#, :uploadedAt#, :description#,
                        :bodyPart#)"""))).params(params).update();
        }
        List<SeriesRow> series = new ArrayList<>();
        for (LeadImaging ref : imaging) {
            ref.study().series().forEach(s -> series.add(new SeriesRow(ref.leadId(), ref.study().imagingId(), s)));
        }
        for (List<SeriesRow> chunk : SqlRows.chunks(series)) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                ImagingStudy.Series s = chunk.get(i).series();
                params.put("leadId" + i, chunk.get(i).leadId());
                params.put("imagingId" + i, chunk.get(i).imagingId());
                params.put("index" + i, s.index());
                params.put("uid" + i, s.seriesUid());
                params.put("number" + i, s.seriesNumber());
                params.put("modality" + i, s.modality());
                params.put("description" + i, s.description());
                params.put("bodyPart" + i, s.bodyPart());
                params.put("count" + i, s.imageCount());
            }
            jdbc.sql("""
                    insert into review_imaging_series (lead_id, imaging_id, series_index, series_uid, series_number,
                        modality, description, body_part, image_count)
                    values %s
                    on conflict do nothing""".formatted(SqlRows.values(chunk.size(), """
                    (:leadId#, :imagingId#, :index#, :uid#, :number#, :modality#, :description#, :bodyPart#, :count#)""")))
                    .params(params).update();
        }
    }

    private record SeriesRow(String leadId, String imagingId, ImagingStudy.Series series) {
    }

    /**
     * The leads' imaging, each lead's in upload order and each study with its series; a lead
     * without imaging is not in the map. The series are read only when some lead has imaging.
     */
    public Map<String, List<ImagingStudy>> imagingOf(Collection<String> leadIds) {
        Map<String, List<ImagingStudy>> studies = new LinkedHashMap<>();
        for (List<String> in : inLists(List.copyOf(leadIds))) {
            jdbc.sql("select * from review_imaging where lead_id in (:leads) order by lead_id, uploaded_at, imaging_id")
                    .param("leads", in)
                    .query((row, n) -> Map.entry(row.getString("lead_id"), ReviewTaskRows.imaging(Columns.of(row))))
                    .list()
                    .forEach(study -> studies.computeIfAbsent(study.getKey(), lead -> new ArrayList<>()).add(study.getValue()));
        }
        if (studies.isEmpty()) {
            return studies;
        }
        Map<String, List<ImagingStudy.Series>> series = new HashMap<>();
        for (List<String> in : inLists(List.copyOf(studies.keySet()))) {
            jdbc.sql("""
                    select * from review_imaging_series where lead_id in (:leads)
                    order by lead_id, imaging_id, series_index""")
                    .param("leads", in)
                    .query((row, n) -> Map.entry(row.getString("lead_id") + "\n" + row.getString("imaging_id"),
                            ReviewTaskRows.series(Columns.of(row))))
                    .list()
                    .forEach(s -> series.computeIfAbsent(s.getKey(), key -> new ArrayList<>()).add(s.getValue()));
        }
        studies.replaceAll((lead, leadStudies) -> leadStudies.stream()
                .map(study -> study.withSeries(series.getOrDefault(lead + "\n" + study.imagingId(), List.of())))
                .toList());
        return studies;
    }

    public Optional<ReviewTask> findByLead(String leadId) {
        return jdbc.sql("select * from review_task where lead_id = :leadId").param("leadId", leadId)
                .query((row, n) -> ReviewTaskRows.task(Columns.of(row))).optional();
    }

    /** Records the newest study date after imaging arrived. */
    public void updateLatestStudyDate(String leadId, LocalDate latest) {
        jdbc.sql("update review_task set latest_study_date = :latest where lead_id = :leadId")
                .param("leadId", leadId).param("latest", latest).update();
    }

    /** Moves a review that waited for imaging into the queue; false when it was not waiting. */
    public boolean queueAwaiting(String leadId, Instant queuedAt, Instant dueAt) {
        return jdbc.sql("""
                update review_task set status = 'QUEUED', queued_at = :queuedAt, due_at = :dueAt
                where lead_id = :leadId and status = 'AWAITING_IMAGING'""")
                .param("leadId", leadId).param("queuedAt", utc(queuedAt)).param("dueAt", utc(dueAt))
                .update() == 1;
    }

    /**
     * Puts a review that asked for more information back in the queue with a fresh deadline, keeping
     * the earlier outcome on record until the next one replaces it; false when it was not waiting.
     */
    public boolean reopenForNewInformation(String leadId, Instant queuedAt, Instant dueAt) {
        return jdbc.sql("""
                update review_task set status = 'QUEUED', queued_at = :queuedAt, due_at = :dueAt,
                    deadline_missed_at = null, claimed_by = null, claimed_at = null, first_claimed_at = null,
                    lease_expires_at = null
                where lead_id = :leadId and status = 'COMPLETED' and outcome = 'NEEDS_MORE_INFORMATION'""")
                .param("leadId", leadId).param("queuedAt", utc(queuedAt)).param("dueAt", utc(dueAt))
                .update() == 1;
    }

    /**
     * The ids in lists of 64, 16, 4 or 1 (the last list filled up with its last id, which {@code in}
     * does not mind), so that an {@code in (:leads)} statement has one of four shapes.
     */
    static List<List<String>> inLists(List<String> ids) {
        List<List<String>> lists = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 64) {
            List<String> list = new ArrayList<>(ids.subList(from, Math.min(from + 64, ids.size())));
            int size = list.size() <= 1 ? 1 : list.size() <= 4 ? 4 : list.size() <= 16 ? 16 : 64;
            while (list.size() < size) {
                list.add(list.get(list.size() - 1));
            }
            lists.add(list);
        }
        return lists;
    }
}
