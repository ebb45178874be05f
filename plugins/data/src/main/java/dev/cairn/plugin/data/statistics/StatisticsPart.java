package dev.cairn.plugin.data.statistics;

import dev.cairn.plugin.data.DataPart;

/** A version's statistics: its page, a page per column, and the profiling that computed them. */
public final class StatisticsPart {

    public static final DataPart PART = DataPart.builder()
            .route(ProfileView.class).route(ColumnView.class)
            .ownArtifact(StatisticsLineage.STATISTICS_ARTIFACT, "Dataset statistics")
            .ownExecution(StatisticsLineage.PROFILING_EXECUTION, "Profiling")
            .build();

    private StatisticsPart() {
    }
}
