package dev.cairn.app.jobs;

import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job handlers for tests: one reports the tenant it ran in, one runs until cancelled, one counts how
 * often each job ran, one sleeps as long as its payload says, one waits until the test releases it,
 * one throws out when cancelled, one spreads work over the job's own threads.
 */
@Configuration
class ProbeJobs {

    static final Map<UUID, UUID> TENANT_SEEN = new ConcurrentHashMap<>();
    static final Map<UUID, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Map<UUID, CountDownLatch> RELEASE = new ConcurrentHashMap<>();
    static final Map<UUID, CountDownLatch> RETURNED = new ConcurrentHashMap<>();
    /** Jobs whose handler saw the cancel and threw out. */
    static final Map<UUID, Boolean> SAW_CANCEL = new ConcurrentHashMap<>();
    /** Per job: the most of its tasks that ran at once, the tenants its tasks saw, its executor after the job. */
    static final Map<UUID, Integer> PEAK_THREADS = new ConcurrentHashMap<>();
    static final Map<UUID, java.util.Set<UUID>> TASK_TENANTS = new ConcurrentHashMap<>();
    static final Map<UUID, Integer> PARALLELISM = new ConcurrentHashMap<>();
    static final Map<UUID, java.util.concurrent.ExecutorService> EXECUTORS = new ConcurrentHashMap<>();

    /** Per job: who it ran as (username and roles, or "nobody"), in its own thread and in one of its tasks, and what it could do. */
    static final Map<UUID, String> ACTED_AS = new ConcurrentHashMap<>();
    static final Map<UUID, String> TASK_ACTED_AS = new ConcurrentHashMap<>();
    static final Map<UUID, java.util.Set<String>> COULD = new ConcurrentHashMap<>();

    static CountDownLatch release(UUID jobId) {
        return RELEASE.computeIfAbsent(jobId, id -> new CountDownLatch(1));
    }

    static CountDownLatch returned(UUID jobId) {
        return RETURNED.computeIfAbsent(jobId, id -> new CountDownLatch(1));
    }

    @Bean
    JobHandler whoRuns(dev.cairn.api.security.CurrentUser currentUser, dev.cairn.api.security.PermissionCheck permissions) {
        java.util.function.Supplier<String> who = () -> currentUser.get()
                .map(user -> user.username() + " " + new java.util.TreeSet<>(user.roles())).orElse("nobody");
        return new JobHandler() {
            @Override
            public String type() {
                return "test.who-runs";
            }

            @Override
            public void run(JobContext context) throws Exception {
                ACTED_AS.put(context.jobId(), who.get());
                TASK_ACTED_AS.put(context.jobId(), context.executor().submit(who::get).get());
                java.util.Set<String> could = new java.util.TreeSet<>();
                for (var permission : dev.cairn.app.plugins.PlatformPermissions.ALL) {
                    if (permissions.can(permission)) {
                        could.add(permission.id());
                    }
                }
                COULD.put(context.jobId(), could);
            }
        };
    }

    @Bean
    JobHandler countRuns() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.count-runs";
            }

            @Override
            public void run(JobContext context) throws InterruptedException {
                RUNS.computeIfAbsent(context.jobId(), id -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(300); // long enough for a second runner to try the same job meanwhile
            }
        };
    }

    @Bean
    JobHandler sleeps() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.sleeps";
            }

            @Override
            public void run(JobContext context) throws InterruptedException {
                Thread.sleep(Long.parseLong(context.payload()));
            }
        };
    }

    @Bean
    JobHandler blocksUntilReleased() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.blocks-until-released";
            }

            @Override
            public void run(JobContext context) throws InterruptedException {
                try {
                    release(context.jobId()).await(20, TimeUnit.SECONDS);
                } finally {
                    returned(context.jobId()).countDown();
                }
            }
        };
    }

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

    @Bean
    JobHandler throwsWhenCancelled() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.throws-when-cancelled";
            }

            @Override
            public void run(JobContext context) throws InterruptedException {
                for (int i = 0; i < 600; i++) {
                    context.progress(i / 600.0, "step " + i);
                    try {
                        context.throwIfCancelled();
                    } catch (dev.cairn.api.jobs.JobCancelledException cancelled) {
                        SAW_CANCEL.put(context.jobId(), true);
                        throw cancelled;
                    }
                    Thread.sleep(50);
                }
            }
        };
    }

    @Bean
    JobHandler usesThreads() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.uses-threads";
            }

            @Override
            public void run(JobContext context) throws Exception {
                AtomicInteger now = new AtomicInteger();
                AtomicInteger peak = new AtomicInteger();
                java.util.Set<UUID> tenants = ConcurrentHashMap.newKeySet();
                java.util.List<java.util.concurrent.Callable<Void>> tasks = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    tasks.add(() -> {
                        peak.accumulateAndGet(now.incrementAndGet(), Math::max);
                        tenants.add(TenantScope.require());
                        Thread.sleep(100);
                        now.decrementAndGet();
                        return null;
                    });
                }
                for (var done : context.executor().invokeAll(tasks)) {
                    done.get();
                }
                PEAK_THREADS.put(context.jobId(), peak.get());
                TASK_TENANTS.put(context.jobId(), tenants);
                PARALLELISM.put(context.jobId(), context.parallelism());
                EXECUTORS.put(context.jobId(), context.executor());
            }
        };
    }
}
