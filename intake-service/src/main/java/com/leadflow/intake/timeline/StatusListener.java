package com.leadflow.intake.timeline;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects {@code leads.status} into the timeline ({@code intake.leads.status}): the platform
 * applies a whole poll per transaction, each event once, and this writes its steps in one
 * statement ({@link Timeline#record}). With three services reporting on every lead, intake receives three
 * reports per lead and must not fall behind them. Changes are announced to the live streams only
 * after they committed.
 *
 * <p>A report that can never apply (no lead id, a lead intake does not know) is rejected and goes
 * to the dead-letter topic alone; the rest of its poll is applied.
 */
@Component
class StatusListener implements PollHandler<LeadStatusChanged> {

    private static final Logger log = LoggerFactory.getLogger(StatusListener.class);

    private final Timeline timeline;
    private final LeadChanges changes;

    StatusListener(Timeline timeline, LeadChanges changes) {
        this.timeline = timeline;
        this.changes = changes;
    }

    @Override
    public Topic<String, LeadStatusChanged> topic() {
        return Topics.LEADS_STATUS;
    }

    @Override
    public boolean wants(Event<LeadStatusChanged> event) {
        Timeline.report(event.value());
        return true;
    }

    @Override
    public void apply(List<Event<LeadStatusChanged>> events) {
        // a report naming no lead known to intake is rejected there, and the mechanism then applies
        // the poll again one report at a time to find which
        timeline.record(events.stream().map(event -> Timeline.report(event.value())).toList());
    }

    @Override
    public void committed(List<Event<LeadStatusChanged>> applied) {
        for (Event<LeadStatusChanged> event : applied) {
            Timeline.Step step = Timeline.report(event.value());
            // the lead's one line is its submission's; a report per stage would triple it
            if (log.isDebugEnabled()) {
                event.withMdc(() -> log.debug("Lead {} stage {} reported {}", step.leadId(), step.stage(), step.status()));
            }
            changes.published(step.change());
        }
    }
}
