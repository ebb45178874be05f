package dev.cairn.plugin.data.schema;

import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A feature as a person edits it, before it is checked: the values the edit form holds. Every
 * refusal starts with the name of the form field at fault ("Min of age ...") and names the feature,
 * so the form shows it on that field and the service's caller knows which feature is wrong.
 *
 * @param minFractionPresent the least share present (ignored when required)
 * @param rangeMin           for a RANGE domain; null is an open bound
 * @param categories         for a CATEGORIES domain, in the order shown
 * @param environments       the environments the feature is present in; empty for all
 */
public record FeatureDraft(String name, FeatureType type, boolean required, Double minFractionPresent, DomainKind domainKind,
                           Double rangeMin, Double rangeMax, List<String> categories, boolean label, Set<String> environments,
                           Integer minDistinct, Integer maxDistinct) {

    public static final String TYPE = "Type";
    public static final String SHARE = "Least share present";
    public static final String MIN = "Min";
    public static final String MAX = "Max";
    public static final String CATEGORIES = "Categories";
    public static final String MIN_DISTINCT = "Least distinct values";
    public static final String MAX_DISTINCT = "Most distinct values";
    /** The longest category stored (the column's width). */
    static final int CATEGORY_LENGTH = 1000;
    /** The most categories a domain lists. */
    static final int MAX_CATEGORIES = 10_000;

    public FeatureDraft {
        categories = categories == null ? List.of() : List.copyOf(categories);
        environments = environments == null ? Set.of() : Set.copyOf(environments);
        domainKind = domainKind == null ? DomainKind.ANY : domainKind;
    }

    /** The draft of a stored feature (categories in alphabetical order). */
    public static FeatureDraft of(Feature feature) {
        Double min = null;
        Double max = null;
        List<String> categories = List.of();
        switch (feature.domain()) {
            case FeatureDomain.Range range -> {
                min = range.min();
                max = range.max();
            }
            case FeatureDomain.Categories listed -> categories = List.copyOf(new TreeSet<>(listed.values()));
            case FeatureDomain.Any any -> {
            }
        }
        return new FeatureDraft(feature.name(), feature.type(), feature.required(), feature.minFractionPresent(),
                DomainKind.of(feature.domain()), min, max, categories, feature.label(), feature.environments(), feature.minDistinct(),
                feature.maxDistinct());
    }

    /** Every problem of this draft, each a message starting with its field's name; empty when it is sound. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String of = " of " + (name == null ? "?" : name);
        if (name == null || name.isBlank()) {
            problems.add("Name is required.");
        }
        if (type == null) {
            problems.add(TYPE + of + " is required.");
        }
        if (!required) {
            if (minFractionPresent == null) {
                problems.add(SHARE + of + " is required for an optional feature (0 for no bound).");
            } else if (!(minFractionPresent >= 0 && minFractionPresent <= 1)) {
                problems.add(SHARE + of + " must lie between 0 and 1, was " + Numbers.plain(minFractionPresent) + ".");
            }
        }
        if (domainKind == DomainKind.RANGE) {
            if (rangeMin != null && !Double.isFinite(rangeMin)) {
                problems.add(MIN + of + " must be a finite number.");
            } else if (rangeMax != null && !Double.isFinite(rangeMax)) {
                problems.add(MAX + of + " must be a finite number.");
            } else if (rangeMin != null && rangeMax != null && rangeMin > rangeMax) {
                problems.add(MIN + of + " must not exceed Max: " + Numbers.plain(rangeMin) + " > " + Numbers.plain(rangeMax) + ".");
            } else if (rangeMin == null && rangeMax == null) {
                problems.add(MIN + of + " or Max is required for a range (choose \"any value\" for no bound).");
            }
            if (type != null && type != FeatureType.INTEGER && type != FeatureType.DECIMAL) {
                problems.add(TYPE + of + " is " + type + ": a range needs INTEGER or DECIMAL.");
            }
        }
        if (domainKind == DomainKind.CATEGORIES) {
            categoryProblem(of).ifPresent(problems::add);
        }
        if (minDistinct != null && minDistinct < 0) {
            problems.add(MIN_DISTINCT + of + " must not be negative.");
        }
        if (maxDistinct != null && maxDistinct < 0) {
            problems.add(MAX_DISTINCT + of + " must not be negative.");
        }
        if (minDistinct != null && maxDistinct != null && minDistinct >= 0 && minDistinct > maxDistinct) {
            problems.add(MIN_DISTINCT + of + " must not exceed the most: " + minDistinct + " > " + maxDistinct + ".");
        }
        for (String environment : environments) {
            if (!environment.equals(Feature.TRAINING) && !environment.equals(Feature.SERVING)) {
                problems.add("Environments" + of + ": unknown environment '" + environment + "' (TRAINING or SERVING).");
            }
        }
        return problems;
    }

    private java.util.Optional<String> categoryProblem(String of) {
        if (categories.isEmpty()) {
            return java.util.Optional.of(CATEGORIES + of + ": list at least one category (choose \"any value\" for no constraint).");
        }
        if (categories.size() > MAX_CATEGORIES) {
            return java.util.Optional.of(CATEGORIES + of + ": at most " + MAX_CATEGORIES + " categories, not " + categories.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String category : categories) {
            if (category == null || category.isEmpty()) {
                return java.util.Optional.of(CATEGORIES + of + ": a category must not be empty (a missing value is not a category).");
            }
            if (category.length() > CATEGORY_LENGTH) {
                return java.util.Optional.of(CATEGORIES + of + ": a category has at most " + CATEGORY_LENGTH + " characters.");
            }
            if (!seen.add(category)) {
                return java.util.Optional.of(CATEGORIES + of + ": '" + category + "' is listed twice.");
            }
        }
        return java.util.Optional.empty();
    }

    /** The feature this draft describes; refused with the first of its {@link #problems()}. */
    public Feature toFeature() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.getFirst());
        }
        FeatureDomain domain = switch (domainKind) {
            case ANY -> new FeatureDomain.Any();
            case RANGE -> new FeatureDomain.Range(rangeMin, rangeMax);
            case CATEGORIES -> new FeatureDomain.Categories(Set.copyOf(categories));
        };
        return new Feature(name.strip(), type, required, domain, label, environments, required ? 1 : minFractionPresent, minDistinct,
                maxDistinct);
    }

    public FeatureDraft withLabel(boolean isLabel) {
        return new FeatureDraft(name, type, required, minFractionPresent, domainKind, rangeMin, rangeMax, categories, isLabel, environments,
                minDistinct, maxDistinct);
    }
}
