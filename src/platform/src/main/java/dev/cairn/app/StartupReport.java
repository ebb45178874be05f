package dev.cairn.app;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * A diagnostic for start-up work (docs/benchmarks.md, "Start-up"): with
 * {@code -Dcairn.startup-report=N} Spring records each start-up step, and the N slowest steps are
 * printed once the application has started, each with its own time (its children's taken out), so
 * that the beans and phases that cost start-up time are named rather than guessed.
 */
final class StartupReport {
    static final String PROPERTY = "cairn.startup-report";

    private StartupReport() {
    }

    static void attachIfAsked(SpringApplication application) {
        if (System.getProperty(PROPERTY) != null) {
            application.setApplicationStartup(new BufferingApplicationStartup(100_000));
        }
    }

    static void printIfAsked(SpringApplication application) {
        if (!(application.getApplicationStartup() instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        int top = Integer.parseInt(System.getProperty(PROPERTY, "30"));
        StartupTimeline timeline = buffering.getBufferedTimeline();
        var events = timeline.getEvents();
        var childTime = events.stream().filter(e -> e.getStartupStep().getParentId() != null)
                .collect(Collectors.groupingBy(e -> e.getStartupStep().getParentId(),
                        Collectors.reducing(Duration.ZERO, StartupTimeline.TimelineEvent::getDuration, Duration::plus)));
        System.out.println("Start-up steps by own time (ms, own/total), slowest " + top + ":");
        events.stream()
                .map(e -> new Object[] {e, e.getDuration().minus(childTime.getOrDefault(e.getStartupStep().getId(), Duration.ZERO))})
                .sorted(Comparator.comparing((Object[] a) -> (Duration) a[1]).reversed())
                .limit(top)
                .forEach(a -> {
                    var e = (StartupTimeline.TimelineEvent) a[0];
                    String tags = StreamSupport.stream(e.getStartupStep().getTags().spliterator(), false)
                            .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(" "));
                    System.out.printf("%7d %7d  %s %s%n", ((Duration) a[1]).toMillis(), e.getDuration().toMillis(),
                            e.getStartupStep().getName(), tags);
                });
    }
}
