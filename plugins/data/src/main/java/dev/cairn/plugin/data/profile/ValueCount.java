package dev.cairn.plugin.data.profile;

/**
 * A value and how often it occurs.
 *
 * @param value the field's text as written
 * @param count its frequency; when estimated, the frequent-items sketch's estimate, off by at most
 *              {@link ColumnProfile#topValuesMaximumError()}
 * @param exact false when a frequent-items sketch estimated it
 */
public record ValueCount(String value, long count, boolean exact) {
}
