package dev.cairn.plugin.data.profile;

/** Lengths of a column's present values in characters (Unicode code points). */
public record StringLengths(long min, double mean, long max) {
}
