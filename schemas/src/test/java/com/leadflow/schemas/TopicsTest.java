package com.leadflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.leadflow.events.LeadSubmitted;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void theCatalogHoldsTheThreeLeadTopics() {
        assertThat(Topics.ALL).extracting(Topic::name)
                .containsExactly("leads.submitted", "leads.imaging", "leads.status");
    }

    @Test
    void deadLetterTopicIsTheNameWithADltSuffix() {
        assertThat(Topics.LEADS_SUBMITTED.deadLetterTopic()).isEqualTo("leads.submitted.dlt");
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic.deadLetterTopic()).isEqualTo(topic.name() + ".dlt"));
    }

    @Test
    void valueSubjectFollowsTheTopicNameStrategy() {
        assertThat(Topics.LEADS_STATUS.valueSubject()).isEqualTo("leads.status-value");
    }

    @Test
    void everyValueTypeIsAnAvroSpecificRecordAndEveryKeyALeadId() {
        assertThat(Topics.ALL).allSatisfy(topic -> {
            assertThat(topic.valueType()).isAssignableTo(SpecificRecord.class);
            assertThat(topic.keyType()).isEqualTo(String.class);
        });
    }

    /** Includes the dead-letter topics, so no topic can collide with another's dead letters. */
    @Test
    void topicNamesAreUnique() {
        assertThat(Topics.ALL.stream().flatMap(topic -> Stream.of(topic.name(), topic.deadLetterTopic())))
                .doesNotHaveDuplicates();
    }

    @Test
    void aTopicNeedsEveryPart() {
        assertThatNullPointerException()
                .isThrownBy(() -> new Topic<>("leads.x", String.class, LeadSubmitted.class, null))
                .withMessage("writer");
    }
}
