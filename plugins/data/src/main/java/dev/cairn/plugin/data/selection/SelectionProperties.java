package dev.cairn.plugin.data.selection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of a feature ranking ({@code cairn.data.selection.*}).
 *
 * @param maxRows rows of a version a ranking reads at most (the first ones; the page says when a version has more)
 * @param bins    equal-frequency bins per numeric column, and categories kept per categorical one
 * @param threads threads Tribuo's selectors may use in one ranking (never more than the job's share,
 *                {@code cairn.jobs.threads-per-job})
 */
@ConfigurationProperties("cairn.data.selection")
public record SelectionProperties(@DefaultValue("100000") int maxRows, @DefaultValue("10") int bins, @DefaultValue("1") int threads) {

    public SelectionProperties {
        // Fails the start-up with the property's name rather than the first ranking.
        new SelectionOptions(bins, maxRows, threads);
    }

    SelectionOptions options(int jobParallelism) {
        return new SelectionOptions(bins, maxRows, Math.max(1, Math.min(threads, jobParallelism)));
    }
}
