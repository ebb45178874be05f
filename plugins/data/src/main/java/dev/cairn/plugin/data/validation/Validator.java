package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.Estimate;
import dev.cairn.plugin.data.profile.NumericSummary;
import dev.cairn.plugin.data.profile.ValueCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Checks a version's statistics against a schema version in one environment, as TFDV's
 * {@code validate_statistics} does: it reads the profile only (never the rows), so a stored
 * profile is validated in milliseconds. Pure: no tables, no Spring.
 */
public final class Validator {

    /** How many unexpected categories a description names before "and N more". */
    static final int NAMED_VALUES = 10;
    /** How many of a partial check's most frequent values are compared with the domain. */
    static final int PARTIAL_TOP_VALUES = 1_000;

    private Validator() {
    }

    /**
     * @param environment the environment the data is for ({@code Feature.TRAINING}, {@code Feature.SERVING}, ...):
     *                    a feature absent in it is not expected, and its presence is an anomaly
     */
    public static ValidationReport validate(DatasetSchema schema, String environment, DatasetProfile profile) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(profile, "profile");
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("Environment: name the environment the data is for (for example "
                    + Feature.TRAINING + " or " + Feature.SERVING + ").");
        }
        String env = environment.strip();
        List<Anomaly> anomalies = new ArrayList<>();
        if (profile.rows() < schema.minRows()) {
            anomalies.add(new Anomaly(null, AnomalyType.TOO_FEW_ROWS, Severity.ERROR, "The version has " + Texts.rows(profile.rows())
                    + ", fewer than the " + schema.minRows() + " the schema expects.", new SchemaFix.LowerMinRows(profile.rows())));
        }
        Set<String> columns = Set.copyOf(profile.columnNames());
        for (Feature feature : schema.features()) {
            if (!columns.contains(feature.name())) {
                missing(feature, env).ifPresent(anomalies::add);
            } else {
                checkColumn(feature, env, profile.column(feature.name()), profile.rows(), anomalies);
            }
        }
        for (ColumnProfile column : profile.columns()) {
            if (schema.feature(column.name()).isEmpty()) {
                anomalies.add(new Anomaly(column.name(), AnomalyType.NEW_COLUMN, Severity.WARNING, "Column " + column.name()
                        + " is in the data but not in the schema (its values look like " + column.type() + ").",
                        new SchemaFix.AddColumn(column.name(), column.type())));
            }
        }
        return new ValidationReport(schema.ref(), env, profile.rows(), anomalies);
    }

    /** TFDV: a column is missing when the feature is expected in the environment and must be present in some rows. */
    private static Optional<Anomaly> missing(Feature feature, String env) {
        if (!feature.presentIn(env) || !feature.required() && feature.minFractionPresent() == 0) {
            return Optional.empty();
        }
        String expected = feature.required() ? "required" : "expected in at least " + Texts.share(feature.minFractionPresent())
                + " of the rows";
        return Optional.of(new Anomaly(feature.name(), AnomalyType.MISSING_COLUMN, Severity.ERROR, "Column " + feature.name()
                + " is missing: the schema has it " + expected + " in " + env + ".", new SchemaFix.MakeOptional(feature.name())));
    }

    private static void checkColumn(Feature feature, String env, ColumnProfile column, long rows, List<Anomaly> out) {
        String name = feature.name();
        if (!feature.presentIn(env)) {
            // As TFDV: reported, and the column's other checks still run, so that every fix is offered at once.
            out.add(new Anomaly(name, AnomalyType.NOT_IN_ENVIRONMENT, Severity.ERROR, "Column " + name + " is in the data, but the schema"
                    + " says it is absent in " + env + " (it is expected only in " + String.join(", ", feature.environments().stream()
                    .sorted().toList()) + ")" + (feature.label() ? ": the label should not reach " + env + "." : "."),
                    new SchemaFix.AddEnvironment(name, env)));
        }
        presence(feature, column, rows).ifPresent(out::add);
        boolean typeFits = column.count() == 0 || TypeRules.accepts(feature.type(), column);
        if (!typeFits) {
            out.add(typeChange(feature, column));
        }
        if (TypeRules.numeric(feature.type()) && typeFits) {
            column.numeric().ifPresent(numbers -> nonFinite(name, numbers).ifPresent(out::add));
        }
        if (feature.domain() instanceof FeatureDomain.Range range && typeFits) {
            column.numeric().filter(n -> n.count() > 0).ifPresent(numbers -> outOfRange(name, range, numbers, column).ifPresent(out::add));
        }
        if (feature.domain() instanceof FeatureDomain.Categories categories && column.count() > 0) {
            unexpectedCategories(name, categories, column).ifPresent(out::add);
        }
        distinct(feature, column).forEach(out::add);
    }

    private static Optional<Anomaly> presence(Feature feature, ColumnProfile column, long rows) {
        if (rows == 0) {
            return Optional.empty();
        }
        double share = (double) column.count() / rows;
        String name = feature.name();
        if (feature.required() && column.missing() > 0) {
            return Optional.of(new Anomaly(name, AnomalyType.TOO_FEW_PRESENT, Severity.ERROR, name + " is required, but "
                    + column.missing() + " of " + rows + " rows " + (column.missing() == 1 ? "has" : "have") + " no value (present in "
                    + Texts.share(share) + ").",
                    new SchemaFix.LowerPresence(name, floorTwoDecimals(share))));
        }
        if (share < feature.minFractionPresent()) {
            return Optional.of(new Anomaly(name, AnomalyType.TOO_FEW_PRESENT, Severity.ERROR, name + " is present in "
                    + Texts.share(share) + " of the rows (" + column.count() + " of " + rows + "), less than the "
                    + Texts.share(feature.minFractionPresent()) + " the schema expects.", new SchemaFix.LowerPresence(name,
                    floorTwoDecimals(share))));
        }
        return Optional.empty();
    }

    /** 0.9167 as 0.91: a round share that still takes the observed one. */
    static double floorTwoDecimals(double share) {
        return Math.floor(share * 100 + 1e-9) / 100;
    }

    private static Anomaly typeChange(Feature feature, ColumnProfile column) {
        FeatureType declared = feature.type();
        FeatureType observed = column.type();
        StringBuilder text = new StringBuilder(noun(observed)).append(" where ").append(article(declared)).append(" was: ");
        long numbers = column.numeric().map(n -> n.count() + n.nan() + n.infinite()).orElse(0L);
        if (TypeRules.numeric(declared) && numbers < column.count()) {
            text.append(column.count() - numbers).append(" of ").append(column.count()).append(" values in ").append(feature.name())
                    .append(" are not numbers");
            List<String> examples = column.topValues(50).stream().map(ValueCount::value).filter(v -> !looksNumeric(v)).limit(3).toList();
            if (!examples.isEmpty()) {
                text.append(" (such as ").append(Texts.quotedList(examples)).append(")");
            }
        } else if (declared == FeatureType.INTEGER && observed == FeatureType.DECIMAL) {
            long integers = column.numeric().map(NumericSummary::integers).orElse(0L);
            text.append(column.count() - integers).append(" of ").append(column.count()).append(" values in ").append(feature.name())
                    .append(" are not whole numbers");
        } else {
            text.append("the values of ").append(feature.name()).append(" are ").append(observed).append(", not ").append(declared);
        }
        text.append('.');
        FeatureType to = TypeRules.widened(declared, observed);
        return new Anomaly(feature.name(), AnomalyType.TYPE_CHANGE, Severity.ERROR, text.toString(),
                new SchemaFix.ChangeType(feature.name(), to));
    }

    private static String noun(FeatureType type) {
        return switch (type) {
            case INTEGER -> "Whole numbers";
            case DECIMAL -> "Decimals";
            case CATEGORICAL -> "Categories";
            case TEXT -> "Text";
            case BOOLEAN -> "Booleans";
            case TIMESTAMP -> "Timestamps";
        };
    }

    private static String article(FeatureType type) {
        return switch (type) {
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case CATEGORICAL -> "a category";
            case TEXT -> "text";
            case BOOLEAN -> "a boolean";
            case TIMESTAMP -> "a timestamp";
        };
    }

    /** Close enough to the profiler's number parsing to pick examples of values that are not numbers. */
    private static boolean looksNumeric(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (Set.of("nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity").contains(v)) {
            return true;
        }
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** NaN and infinity are warnings with no schema fix: the data needs cleaning (a recipe's impute or clip step). */
    private static Optional<Anomaly> nonFinite(String name, NumericSummary numbers) {
        if (numbers.nan() == 0 && numbers.infinite() == 0) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        if (numbers.nan() > 0) {
            found.add(numbers.nan() + " NaN");
        }
        if (numbers.infinite() > 0) {
            found.add(numbers.infinite() + " infinite");
        }
        return Optional.of(new Anomaly(name, AnomalyType.NAN_OR_INFINITY, Severity.WARNING, name + " has "
                + String.join(" and ", found) + " value" + (numbers.nan() + numbers.infinite() == 1 ? "" : "s")
                + ", which most models cannot take: impute or clip them in a recipe.", null));
    }

    private static Optional<Anomaly> outOfRange(String name, FeatureDomain.Range range, NumericSummary numbers, ColumnProfile column) {
        boolean low = range.min() != null && numbers.min() < range.min();
        boolean high = range.max() != null && numbers.max() > range.max();
        if (!low && !high) {
            return Optional.empty();
        }
        List<String> outside = new ArrayList<>();
        if (low) {
            outside.add(outsideCount(column, range.min(), true, numbers.count()) + " below " + Texts.number(range.min()));
        }
        if (high) {
            outside.add(outsideCount(column, range.max(), false, numbers.count()) + " above " + Texts.number(range.max()));
        }
        String text = name + " has values outside its range " + Texts.range(range.min(), range.max()) + ": observed "
                + Texts.range(numbers.min(), numbers.max()) + ", " + String.join(" and ", outside) + ".";
        Double min = range.min() == null ? null : Math.min(range.min(), numbers.min());
        Double max = range.max() == null ? null : Math.max(range.max(), numbers.max());
        return Optional.of(new Anomaly(name, AnomalyType.OUT_OF_RANGE, Severity.ERROR, text, new SchemaFix.RelaxRange(name, min, max)));
    }

    /** Exact while the profile kept the values, else the KLL sketch's estimate (said "about"). */
    private static String outsideCount(ColumnProfile column, double bound, boolean below, long count) {
        var kept = column.exactValues();
        if (kept.isPresent()) {
            long n = 0;
            for (double v : kept.get()) {
                if (below ? v < bound : v > bound) {
                    n++;
                }
            }
            return n + (n == 1 ? " value" : " values");
        }
        var sketch = column.numericSketch().orElseThrow();
        double share = below ? sketch.getRank(bound, QuantileSearchCriteria.EXCLUSIVE)
                : 1 - sketch.getRank(bound, QuantileSearchCriteria.INCLUSIVE);
        return "about " + Math.max(1, Math.round(share * count)) + " values";
    }

    private static Optional<Anomaly> unexpectedCategories(String name, FeatureDomain.Categories domain, ColumnProfile column) {
        var exact = column.exactCounts();
        Map<String, Long> unexpected = new LinkedHashMap<>();
        if (exact.isPresent()) {
            exact.get().forEach((value, count) -> {
                if (!domain.values().contains(value)) {
                    unexpected.put(value, count);
                }
            });
            if (unexpected.isEmpty()) {
                return Optional.empty();
            }
            long rows = unexpected.values().stream().mapToLong(Long::longValue).sum();
            return Optional.of(new Anomaly(name, AnomalyType.UNEXPECTED_CATEGORY, Severity.ERROR, name + " has "
                    + unexpected.size() + " value" + (unexpected.size() == 1 ? "" : "s") + " not in its domain, in " + Texts.rows(rows) + ": "
                    + named(unexpected) + ".", new SchemaFix.AddCategories(name, unexpected.keySet())));
        }
        // Too many distinct values for exact counts: only the sketch's most frequent values can be compared.
        for (ValueCount top : column.topValues(PARTIAL_TOP_VALUES)) {
            if (!domain.values().contains(top.value())) {
                unexpected.put(top.value(), top.count());
            }
        }
        Estimate distinct = column.distinct();
        String partial = "partial check: " + name + " has about " + distinct.value() + " distinct values, too many to count exactly,"
                + " so only its most frequent values were compared with the domain";
        if (unexpected.isEmpty()) {
            return Optional.of(new Anomaly(name, AnomalyType.UNEXPECTED_CATEGORY, Severity.WARNING, "No unexpected category among"
                    + " the most frequent values, but this is a " + partial + ".", null));
        }
        return Optional.of(new Anomaly(name, AnomalyType.UNEXPECTED_CATEGORY, Severity.ERROR, name + " has values not in its domain"
                + " (" + partial + "; counts are estimates): " + named(unexpected) + ".", new SchemaFix.AddCategories(name, unexpected.keySet())));
    }

    private static String named(Map<String, Long> counts) {
        String shown = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(NAMED_VALUES).map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")").collect(Collectors.joining(", "));
        return counts.size() > NAMED_VALUES ? shown + " and " + (counts.size() - NAMED_VALUES) + " more" : shown;
    }

    private static List<Anomaly> distinct(Feature feature, ColumnProfile column) {
        if (feature.minDistinct() == null && feature.maxDistinct() == null) {
            return List.of();
        }
        Estimate distinct = column.distinct();
        String observed = (distinct.exact() ? "" : "about ") + distinct.value();
        // An estimate near a bound may be the sketch's error: a warning, not an error.
        Severity severity = distinct.exact() ? Severity.ERROR : Severity.WARNING;
        int count = (int) Math.min(Integer.MAX_VALUE, distinct.value());
        List<Anomaly> found = new ArrayList<>();
        String name = feature.name();
        if (feature.minDistinct() != null && distinct.value() < feature.minDistinct()) {
            found.add(new Anomaly(name, AnomalyType.TOO_FEW_DISTINCT, severity, "Expected at least " + feature.minDistinct()
                    + " distinct values in " + name + " but found only " + observed + ".", new SchemaFix.RelaxDistinct(name, count, null)));
        }
        if (feature.maxDistinct() != null && distinct.value() > feature.maxDistinct()) {
            found.add(new Anomaly(name, AnomalyType.TOO_MANY_DISTINCT, severity, "Expected no more than " + feature.maxDistinct()
                    + " distinct values in " + name + " but found " + observed + ".", new SchemaFix.RelaxDistinct(name, null, count)));
        }
        return found;
    }
}
