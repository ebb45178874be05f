package dev.cairn.plugin.data.schema;

import dev.cairn.api.data.FeatureDomain;

/** The three kinds of {@link FeatureDomain}, as stored and as the edit form offers them. */
public enum DomainKind {
    ANY("any value"), RANGE("a range"), CATEGORIES("a list of categories");

    private final String label;

    DomainKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DomainKind of(FeatureDomain domain) {
        return switch (domain) {
            case FeatureDomain.Any any -> ANY;
            case FeatureDomain.Range range -> RANGE;
            case FeatureDomain.Categories categories -> CATEGORIES;
        };
    }
}
