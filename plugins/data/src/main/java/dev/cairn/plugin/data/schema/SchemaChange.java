package dev.cairn.plugin.data.schema;

/**
 * One difference between two schema versions.
 *
 * @param feature   the feature's name, or null for the schema itself (its least row count)
 * @param kind      added, removed, or an attribute changed
 * @param attribute for a change: what changed ("type", "domain", ...); null otherwise
 * @param before    for a change: the older version's value, as shown
 * @param after     for a change: the newer version's value, as shown
 */
public record SchemaChange(String feature, Kind kind, String attribute, String before, String after) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    static SchemaChange added(String feature, String summary) {
        return new SchemaChange(feature, Kind.ADDED, null, null, summary);
    }

    static SchemaChange removed(String feature, String summary) {
        return new SchemaChange(feature, Kind.REMOVED, null, summary, null);
    }

    static SchemaChange changed(String feature, String attribute, String before, String after) {
        return new SchemaChange(feature, Kind.CHANGED, attribute, before, after);
    }

    /** One line for people: "age: domain [0, 120] → [0, 130]". */
    public String describe() {
        String subject = feature == null ? "Schema" : feature;
        return switch (kind) {
            case ADDED -> subject + ": added (" + after + ")";
            case REMOVED -> subject + ": removed (was " + before + ")";
            case CHANGED -> subject + ": " + attribute + " " + before + " → " + after;
        };
    }
}
