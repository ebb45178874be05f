package dev.cairn.plugin.data.recipepage;

import dev.cairn.api.data.TransformStep;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.data.transform.RecipeLists;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * A step and what it learnt, in plain words for the recipes page ("Standardise income: subtract the
 * mean 30, divide by the standard deviation 14.1421"), and the names people read for the operations.
 */
final class StepWords {

    private StepWords() {
    }

    /** The operation as the step editor offers it. */
    static String label(Operation operation) {
        return switch (operation) {
            case DROP -> "Drop columns";
            case DROP_MISSING -> "Drop rows with missing values";
            case DROP_DUPLICATES -> "Drop duplicate rows";
            case IMPUTE -> "Impute missing values";
            case CLIP -> "Clip";
            case STANDARDIZE -> "Standardise";
            case MIN_MAX -> "Min-max scale";
            case LOG -> "Log";
            case BUCKETIZE -> "Bucketize";
            case ONE_HOT -> "One-hot encode";
            case CROSS -> "Feature cross";
        };
    }

    /** What the fitted step does, with its parameters. */
    static String describe(TransformStep step) {
        Operation operation = Operation.of(step.operation()).orElse(null);
        if (operation == null) {
            return step.operation() + " " + String.join(", ", step.inputs());
        }
        List<String> in = step.inputs();
        Map<String, String> p = step.parameters();
        String first = in.isEmpty() ? "" : in.getFirst();
        return switch (operation) {
            case DROP -> "Drop the column" + (in.size() == 1 ? " " : "s ") + and(in);
            case DROP_MISSING -> "Drop rows where " + or(in) + " is missing";
            case DROP_DUPLICATES -> in.isEmpty() ? "Drop rows that repeat an earlier row" : "Drop rows that repeat an earlier row's " + and(in);
            case IMPUTE -> "Fill missing " + first + " with " + quoted(p.get("value")) + " (" + strategy(p.getOrDefault("strategy", "constant")) + ")";
            case CLIP -> "Clip " + and(in) + (p.containsKey("min") && p.containsKey("max") ? " to [" + number(p.get("min")) + ", " + number(p.get("max")) + "]"
                    : p.containsKey("min") ? " to at least " + number(p.get("min")) : " to at most " + number(p.get("max")));
            case STANDARDIZE -> "Standardise " + first + ": subtract the mean " + number(p.get("mean")) + ", divide by the standard deviation "
                    + number(p.get("std"));
            case MIN_MAX -> "Scale " + first + " to 0–1 from its range [" + number(p.get("min")) + ", " + number(p.get("max")) + "]";
            case LOG -> "Replace " + first + " by ln(" + first + " + " + number(p.getOrDefault("offset", "1")) + ")";
            case BUCKETIZE -> {
                List<String> bounds = RecipeLists.decode(p.get("bounds"));
                yield "Bucketize " + first + " at " + String.join(", ", bounds.stream().map(StepWords::number).toList()) + ": bucket 0 below "
                        + number(bounds.getFirst()) + ", bucket " + bounds.size() + " from " + number(bounds.getLast()) + " up";
            }
            case ONE_HOT -> "One-hot " + first + " into " + String.join(", ", RecipeLists.decode(p.get("categories")).stream()
                    .map(c -> first + "=" + c).toList()) + (Boolean.parseBoolean(p.get("other")) ? ", and " + first + "=other for any other value" : "");
            case CROSS -> "Cross " + and(in) + " into the column " + (p.get("name") == null || p.get("name").isBlank()
                    ? String.join("_x_", in) : p.get("name").strip());
        };
    }

    private static String strategy(String strategy) {
        return switch (strategy) {
            case "mean" -> "the mean";
            case "median" -> "the median";
            case "most-frequent" -> "the most frequent value";
            default -> "a constant";
        };
    }

    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        try {
            Double.parseDouble(value);
            return number(value);
        } catch (NumberFormatException text) {
            return "\"" + value + "\"";
        }
    }

    /** A fitted number to six significant digits, without a trailing ".0". */
    static String number(String text) {
        if (text == null) {
            return "?";
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                return text;
            }
            return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private static String and(List<String> items) {
        return join(items, " and ");
    }

    private static String or(List<String> items) {
        return join(items, " or ");
    }

    private static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.getLast();
    }
}
