package dev.cairn.app.jobs;

import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job handlers for tests: one reports the tenant it ran in, one runs until cancelled. */
@Configuration
class ProbeJobs {

    static final Map<UUID, UUID> TENANT_SEEN = new ConcurrentHashMap<>();

    @Bean
    JobHandler tenantProbe() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.tenant-probe";
            }

            @Override
            public void run(JobContext context) {
                context.progress(0.5, "half way");
                TENANT_SEEN.put(context.jobId(), TenantScope.require());
            }
        };
    }

    @Bean
    JobHandler untilCancelled() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.until-cancelled";
            }

            @Override
            public void run(JobContext context) throws InterruptedException {
                for (int i = 0; i < 600 && !context.cancelRequested(); i++) {
                    context.progress(i / 600.0, "step " + i);
                    Thread.sleep(50);
                }
            }
        };
    }
}
