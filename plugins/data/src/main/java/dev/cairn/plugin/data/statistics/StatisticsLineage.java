package dev.cairn.plugin.data.statistics;

/** What profiling records in the lineage graph (declared by the data plugin's lineageTypes()). */
public final class StatisticsLineage {

    /** A version's stored statistics. */
    public static final String STATISTICS_ARTIFACT = "data.statistics";
    /** The profiling run that computed them from the version. */
    public static final String PROFILING_EXECUTION = "data.profiling";

    private StatisticsLineage() {
    }
}
