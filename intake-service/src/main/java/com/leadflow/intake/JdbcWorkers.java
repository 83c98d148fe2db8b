package com.leadflow.intake;

import com.leadflow.intake.submit.SubmissionProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The worker threads on which HTTP requests do their JDBC work (a submission's transaction, a
 * status link's lookup and audit entry), so an event loop never waits for the database. As many as
 * {@code leadflow.intake.submission.threads}; each holds at most one of the JDBC pool's
 * connections, which they share with the status listener.
 */
@Component
public class JdbcWorkers implements DisposableBean {

    private final Scheduler scheduler;

    JdbcWorkers(SubmissionProperties properties) {
        this.scheduler = Schedulers.newBoundedElastic(properties.threads(), Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE,
                "submission");
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
