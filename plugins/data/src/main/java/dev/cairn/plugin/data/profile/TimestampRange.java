package dev.cairn.plugin.data.profile;

import java.time.Instant;

/** The earliest and latest of a column's ISO-8601 values (local date-times read as UTC). */
public record TimestampRange(Instant min, Instant max) {
}
