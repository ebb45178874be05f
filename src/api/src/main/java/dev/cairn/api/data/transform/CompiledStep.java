package dev.cairn.api.data.transform;

import dev.cairn.api.data.TransformStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One step, checked against the columns it sees: it knows its input indexes and the columns it leaves. */
abstract class CompiledStep {

    private final String label;
    private final List<String> outputColumns;

    CompiledStep(String label, List<String> outputColumns) {
        this.label = label;
        this.outputColumns = List.copyOf(outputColumns);
    }

    List<String> outputColumns() {
        return outputColumns;
    }

    /**
     * Transforms the row in place.
     *
     * @param seen the batch's rows so far for drop-duplicates, or null when serving one row
     * @return false when the row is dropped
     */
    abstract boolean apply(List<String> row, Set<List<String>> seen);

    RowRejectedException reject(String feature, String why) {
        return new RowRejectedException(feature, label + ": " + why);
    }

    double number(String feature, String value) {
        try {
            double parsed = Double.parseDouble(value.strip());
            if (Double.isNaN(parsed)) {
                throw reject(feature, feature + " is NaN, not a number the step can use");
            }
            return parsed;
        } catch (NumberFormatException notANumber) {
            throw reject(feature, feature + " is \"" + clip(value) + "\", not a number");
        }
    }

    static String format(double value) {
        return Double.toString(value);
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 39) + "…" : value;
    }

    static CompiledStep compile(int number, TransformStep step, List<String> columns) {
        Operation operation = Operation.of(step.operation()).orElseThrow(() -> new InvalidRecipeException("Step " + number + ": \""
                + step.operation() + "\" is not an operation (one of " + String.join(", ", Arrays.stream(Operation.values())
                .map(Operation::id).toList()) + ")."));
        String label = "Step " + number + " (" + operation.id() + (step.inputs().isEmpty() ? "" : " " + String.join(", ", step.inputs())) + ")";
        Checks checks = new Checks(label, step, columns);
        return switch (operation) {
            case DROP -> drop(label, checks.inputs(1, Integer.MAX_VALUE), columns);
            case DROP_MISSING -> dropMissing(label, checks.inputs(1, Integer.MAX_VALUE), columns);
            case DROP_DUPLICATES -> dropDuplicates(label, checks.inputs(0, Integer.MAX_VALUE), columns);
            case IMPUTE -> impute(label, checks.inputs(1, 1)[0], checks.required("value"), columns);
            case CLIP -> clipStep(label, checks.inputs(1, Integer.MAX_VALUE), checks.optionalNumber("min"), checks.optionalNumber("max"), columns);
            case STANDARDIZE -> standardize(label, checks.inputs(1, 1)[0], checks.number("mean"), checks.positive("std"), columns);
            case MIN_MAX -> minMax(label, checks.inputs(1, 1)[0], checks.number("min"), checks.number("max"), columns);
            case LOG -> log(label, checks.inputs(1, 1)[0], checks.optionalNumber("offset"), columns);
            case BUCKETIZE -> bucketize(label, checks.inputs(1, 1)[0], checks.ascending("bounds"), columns);
            case ONE_HOT -> oneHot(label, checks.inputs(1, 1)[0], checks.categories("categories"),
                    Boolean.parseBoolean(step.parameters().getOrDefault("other", "false")), columns);
            case CROSS -> cross(label, checks.inputs(2, Integer.MAX_VALUE), step.parameters().get("name"), columns);
        };
    }

    /** Checks of a step's inputs and parameters, each refusal naming the step. */
    private record Checks(String label, TransformStep step, List<String> columns) {

        int[] inputs(int min, int max) {
            List<String> inputs = step.inputs();
            if (inputs.size() < min || inputs.size() > max) {
                throw new InvalidRecipeException(label + ": takes " + (min == max ? String.valueOf(min) : max == Integer.MAX_VALUE
                        ? "at least " + min : min + " to " + max) + (min == 1 && max == 1 ? " column" : " columns") + ", was given "
                        + inputs.size() + ".");
            }
            if (Set.copyOf(inputs).size() != inputs.size()) {
                throw new InvalidRecipeException(label + ": a column is named twice.");
            }
            int[] indexes = new int[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                indexes[i] = columns.indexOf(inputs.get(i));
                if (indexes[i] < 0) {
                    throw new InvalidRecipeException(label + ": there is no column \"" + inputs.get(i) + "\" at this step (columns: "
                            + String.join(", ", columns) + ").");
                }
            }
            return indexes;
        }

        String required(String name) {
            String value = step.parameters().get(name);
            if (value == null) {
                throw new InvalidRecipeException(label + ": the parameter \"" + name + "\" is missing.");
            }
            return value;
        }

        double number(String name) {
            String value = required(name);
            try {
                double parsed = Double.parseDouble(value.strip());
                if (!Double.isFinite(parsed)) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidRecipeException(label + ": the parameter \"" + name + "\" must be a finite number, was \"" + value + "\".");
            }
        }

        Double optionalNumber(String name) {
            return step.parameters().containsKey(name) ? number(name) : null;
        }

        double positive(String name) {
            double value = number(name);
            if (value <= 0) {
                throw new InvalidRecipeException(label + ": the parameter \"" + name + "\" must be above 0, was " + value + ".");
            }
            return value;
        }

        double[] ascending(String name) {
            List<String> items = RecipeLists.decode(required(name));
            if (items.isEmpty()) {
                throw new InvalidRecipeException(label + ": the parameter \"" + name + "\" needs at least one bound.");
            }
            double[] bounds = new double[items.size()];
            for (int i = 0; i < bounds.length; i++) {
                try {
                    bounds[i] = Double.parseDouble(items.get(i).strip());
                } catch (NumberFormatException e) {
                    throw new InvalidRecipeException(label + ": bound " + (i + 1) + " is \"" + items.get(i) + "\", not a number.");
                }
                if (!Double.isFinite(bounds[i]) || i > 0 && bounds[i] <= bounds[i - 1]) {
                    throw new InvalidRecipeException(label + ": the bounds must be finite and strictly ascending (bound " + (i + 1) + ").");
                }
            }
            return bounds;
        }

        List<String> categories(String name) {
            List<String> items = RecipeLists.decode(required(name));
            if (items.isEmpty() || Set.copyOf(items).size() != items.size()) {
                throw new InvalidRecipeException(label + ": the parameter \"" + name + "\" needs at least one category, each once.");
            }
            return items;
        }
    }

    private static List<String> without(List<String> columns, int[] removed) {
        List<String> out = new ArrayList<>(columns);
        int[] sorted = removed.clone();
        Arrays.sort(sorted);
        for (int i = sorted.length - 1; i >= 0; i--) {
            out.remove(sorted[i]);
        }
        return out;
    }

    private static CompiledStep drop(String label, int[] inputs, List<String> columns) {
        int[] sorted = inputs.clone();
        Arrays.sort(sorted);
        return new CompiledStep(label, without(columns, inputs)) {
            @Override
            boolean apply(List<String> row, Set<List<String>> seen) {
                for (int i = sorted.length - 1; i >= 0; i--) {
                    row.remove(sorted[i]);
                }
                return true;
            }
        };
    }

    private static CompiledStep dropMissing(String label, int[] inputs, List<String> columns) {
        return new CompiledStep(label, columns) {
            @Override
            boolean apply(List<String> row, Set<List<String>> seen) {
                for (int index : inputs) {
                    if (Operation.isMissing(row.get(index))) {
                        if (seen == null) {
                            throw reject(columns.get(index), columns.get(index) + " is missing, and the recipe drops such rows");
                        }
                        return false;
                    }
                }
                return true;
            }
        };
    }

    private static CompiledStep dropDuplicates(String label, int[] inputs, List<String> columns) {
        return new CompiledStep(label, columns) {
            @Override
            boolean apply(List<String> row, Set<List<String>> seen) {
                if (seen == null) {
                    return true;
                }
                List<String> key;
                if (inputs.length == 0) {
                    key = List.copyOf(row);
                } else {
                    String[] values = new String[inputs.length];
                    for (int i = 0; i < inputs.length; i++) {
                        values[i] = row.get(inputs[i]);
                    }
                    key = List.of(values);
                }
                return seen.add(key);
            }
        };
    }

    private static CompiledStep impute(String label, int input, String value, List<String> columns) {
        return new CompiledStep(label, columns) {
            @Override
            boolean apply(List<String> row, Set<List<String>> seen) {
                if (Operation.isMissing(row.get(input))) {
                    row.set(input, value);
                }
                return true;
            }
        };
    }

    /** Numeric steps leave a missing value missing: impute first when the model needs a number. */
    private abstract static class NumericStep extends CompiledStep {
        private final int[] inputs;
        private final List<String> columns;

        NumericStep(String label, int[] inputs, List<String> columns, List<String> outputColumns) {
            super(label, outputColumns);
            this.inputs = inputs;
            this.columns = columns;
        }

        abstract double transform(String feature, double x);

        @Override
        boolean apply(List<String> row, Set<List<String>> seen) {
            for (int index : inputs) {
                String value = row.get(index);
                if (!Operation.isMissing(value)) {
                    String feature = columns.get(index);
                    row.set(index, format(transform(feature, number(feature, value))));
                }
            }
            return true;
        }
    }

    private static CompiledStep clipStep(String label, int[] inputs, Double min, Double max, List<String> columns) {
        if (min == null && max == null) {
            throw new InvalidRecipeException(label + ": give \"min\", \"max\" or both.");
        }
        if (min != null && max != null && min > max) {
            throw new InvalidRecipeException(label + ": \"min\" (" + min + ") is above \"max\" (" + max + ").");
        }
        return new NumericStep(label, inputs, columns, columns) {
            @Override
            double transform(String feature, double x) {
                double low = min == null ? x : Math.max(min, x);
                return max == null ? low : Math.min(max, low);
            }
        };
    }

    private static CompiledStep standardize(String label, int input, double mean, double std, List<String> columns) {
        return new NumericStep(label, new int[] {input}, columns, columns) {
            @Override
            double transform(String feature, double x) {
                return (x - mean) / std;
            }
        };
    }

    private static CompiledStep minMax(String label, int input, double min, double max, List<String> columns) {
        if (max <= min) {
            throw new InvalidRecipeException(label + ": \"max\" (" + max + ") must be above \"min\" (" + min + ").");
        }
        return new NumericStep(label, new int[] {input}, columns, columns) {
            @Override
            double transform(String feature, double x) {
                return (x - min) / (max - min);
            }
        };
    }

    private static CompiledStep log(String label, int input, Double offset, List<String> columns) {
        double shift = offset == null ? 1 : offset;
        return new NumericStep(label, new int[] {input}, columns, columns) {
            @Override
            double transform(String feature, double x) {
                if (x + shift <= 0) {
                    throw reject(feature, feature + " is " + format(x) + ": ln(x + " + format(shift) + ") needs x above " + format(0 - shift));
                }
                return Math.log(x + shift);
            }
        };
    }

    private static CompiledStep bucketize(String label, int input, double[] bounds, List<String> columns) {
        return new NumericStep(label, new int[] {input}, columns, columns) {
            @Override
            double transform(String feature, double x) {
                int position = Arrays.binarySearch(bounds, x);
                return position >= 0 ? position + 1 : -position - 1;
            }

            @Override
            boolean apply(List<String> row, Set<List<String>> seen) {
                super.apply(row, seen);
                String value = row.get(input);
                if (!Operation.isMissing(value)) {
                    row.set(input, String.valueOf((int) Double.parseDouble(value)));
                }
                return true;
            }
        };
    }

    private static CompiledStep oneHot(String label, int input, List<String> categories, boolean other, List<String> columns) {
        String name = columns.get(input);
        List<String> added = new ArrayList<>();
        categories.forEach(c -> added.add(name + "=" + c));
        if (other) {
            added.add(name + "=other");
        }
        List<String> out = new ArrayList<>(columns);
        out.remove(input);
        out.addAll(input, added);
        for (String column : added) {
            if (columns.contains(column)) {
                throw new InvalidRecipeException(label + ": it would add the column \"" + column + "\", which exists already.");
            }
        }
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            positions.put(categories.get(i), i);
        }
        return new CompiledStep(label, out) {
            @Override
            boolean apply(List<String> row, Set<List<String>> seen) {
                String value = row.remove(input);
                Integer hit = Operation.isMissing(value) ? null : positions.get(value);
                for (int i = 0; i < added.size(); i++) {
                    boolean on = hit != null ? i == hit : other && i == categories.size() && !Operation.isMissing(value);
                    row.add(input + i, on ? "1" : "0");
                }
                return true;
            }
        };
    }

    private static CompiledStep cross(String label, int[] inputs, String name, List<String> columns) {
        String column = name == null || name.isBlank() ? String.join("_x_", Arrays.stream(inputs).mapToObj(columns::get).toList()) : name.strip();
        if (columns.contains(column)) {
            throw new InvalidRecipeException(label + ": the column \"" + column + "\" exists already; name the cross.");
        }
        List<String> out = new ArrayList<>(columns);
        out.add(column);
        return new CompiledStep(label, out) {
            @Override
            boolean apply(List<String> row, Set<List<String>> seen) {
                StringBuilder value = new StringBuilder();
                for (int index : inputs) {
                    String part = row.get(index);
                    if (Operation.isMissing(part)) {
                        row.add("");
                        return true;
                    }
                    if (!value.isEmpty()) {
                        value.append('|');
                    }
                    value.append(part);
                }
                row.add(value.toString());
                return true;
            }
        };
    }
}
