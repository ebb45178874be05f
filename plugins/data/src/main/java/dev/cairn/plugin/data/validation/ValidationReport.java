package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.SchemaRef;
import java.util.List;
import java.util.Objects;

/**
 * What validating a version's statistics against a schema version in one environment found.
 *
 * @param schema      the schema version checked against
 * @param environment the environment (TRAINING, SERVING, ...) the data was checked for
 * @param rows        the version's rows
 * @param anomalies   the dataset's anomalies first, then the schema's features in order, then new columns
 */
public record ValidationReport(SchemaRef schema, String environment, long rows, List<Anomaly> anomalies) {

    public ValidationReport {
        Objects.requireNonNull(schema, "schema");
        anomalies = List.copyOf(anomalies);
    }

    public List<Anomaly> errors() {
        return anomalies.stream().filter(a -> a.severity() == Severity.ERROR).toList();
    }

    public List<Anomaly> warnings() {
        return anomalies.stream().filter(a -> a.severity() == Severity.WARNING).toList();
    }

    /** No error: the version may be trusted against this schema (warnings are shown, they do not fail it). */
    public boolean passes() {
        return errors().isEmpty();
    }

    /** Nothing at all was found. */
    public boolean clean() {
        return anomalies.isEmpty();
    }

    /** The fixes offered, in the anomalies' order. */
    public List<SchemaFix> fixes() {
        return anomalies.stream().flatMap(a -> a.offeredFix().stream()).toList();
    }

    /** The schema version every offered fix gives together (one version after {@code current}, not one per fix). */
    public DatasetSchema applyAllFixes(DatasetSchema current) {
        DatasetSchema next = current;
        for (SchemaFix fix : fixes()) {
            next = fix.applyTo(next);
        }
        return new DatasetSchema(current.id(), current.version() + 1, next.features(), next.minRows());
    }
}
