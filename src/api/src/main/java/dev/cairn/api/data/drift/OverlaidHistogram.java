package dev.cairn.api.data.drift;

import java.util.List;
import java.util.Objects;

/**
 * Both columns on common bins, as shares, for an overlaid chart.
 *
 * @param bins           the bins, in order (numbers ascending, categories by name)
 * @param othersGathered true when the rarest categories were gathered into one last bin so that
 *                       the chart stays readable
 */
public record OverlaidHistogram(List<Bin> bins, boolean othersGathered) {

    public OverlaidHistogram {
        bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
    }

    /**
     * One bin.
     *
     * @param label          the category, the number, or the range "[low, high)"
     * @param low            the range's lower edge (the number for a value bin), null for categories
     * @param high           the range's upper edge, null for categories
     * @param referenceShare share of the reference's values in the bin
     * @param currentShare   share of the current values in the bin
     */
    public record Bin(String label, Double low, Double high, double referenceShare, double currentShare) {
    }
}
