package dev.cairn.plugin.data.validation;

import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Runs {@link DemoValidation}'s job. Its own bean, reaching the work lazily: the job service collects
 * every handler when it is made, and the work needs services that need the job service.
 */
@Component
class DemoValidationJob implements JobHandler {

    private final DemoValidation work;

    DemoValidationJob(@Lazy DemoValidation work) {
        this.work = work;
    }

    @Override
    public String type() {
        return DemoValidation.TYPE;
    }

    @Override
    public void run(JobContext context) {
        work.run(context);
    }
}
