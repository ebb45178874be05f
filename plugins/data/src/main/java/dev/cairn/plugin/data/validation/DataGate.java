package dev.cairn.plugin.data.validation;

import static dev.cairn.plugin.data.db.Tables.DATASET;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;

import dev.cairn.api.data.Feature;
import dev.cairn.api.plugin.StageGateCheck.GateResult;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The data gate (issue 9, "Lineage, gate, API, demo"): it passes when at least one dataset of the
 * project has a training version whose newest validation in TRAINING was against an approved schema
 * version and found no error (warnings pass). Otherwise it says, per dataset, exactly what is
 * missing, so the project page tells the team what to do next. Reads the tenant's rows with no
 * permission of its own: the project page shows the gate to whoever may see the project.
 */
@Service
public class DataGate {

    private final TenantDb db;
    private final ValidationStore store;

    DataGate(TenantDb db, ValidationStore store) {
        this.db = db;
        this.store = store;
    }

    public GateResult check(ProjectRef project) {
        List<DatasetRecord> datasets = db.fetch(DATASET, DATASET.PROJECT_ID.eq(project.id()), DATASET.NAME.asc());
        if (datasets.isEmpty()) {
            return GateResult.fail("Register the dataset the model will learn from, upload a version, and validate it.");
        }
        List<String> missing = new ArrayList<>();
        for (DatasetRecord dataset : datasets) {
            Optional<String> problem = problem(dataset);
            if (problem.isEmpty()) {
                StoredValidation run = newestTraining(dataset).orElseThrow();
                return GateResult.pass(dataset.getName() + ": training version " + run.versionNumber() + " passed validation against approved schema v"
                        + run.schemaVersion() + (run.warnings() > 0 ? " (" + count(run.warnings(), "warning") + ")" : "") + ".");
            }
            missing.add(dataset.getName() + ": " + problem.get());
        }
        return GateResult.fail(String.join("; ", missing) + ".");
    }

    /** What keeps this dataset from passing the gate; empty when it passes. */
    private Optional<String> problem(DatasetRecord dataset) {
        if (dataset.getTrainingVersion() == null) {
            return Optional.of("no training version chosen");
        }
        DatasetVersionRecord version = db.fetchOptional(DATASET_VERSION, DATASET_VERSION.ID.eq(dataset.getTrainingVersion())).orElseThrow();
        String training = "training version " + version.getVersion();
        if (version.getDeletedAt() != null) {
            return Optional.of(training + " was deleted: choose another");
        }
        Optional<StoredValidation> newest = newestTraining(dataset);
        if (newest.isEmpty()) {
            return Optional.of(training + " has not been validated in " + Feature.TRAINING);
        }
        StoredValidation run = newest.get();
        if (!run.againstApprovedSchema()) {
            return Optional.of(training + " was validated against a " + run.schemaStatus().name().toLowerCase(Locale.ROOT) + " schema (v"
                    + run.schemaVersion() + "): approve it, or validate against the approved one");
        }
        if (run.errors() > 0) {
            return Optional.of(training + " has " + count(run.errors(), "error") + " against approved schema v" + run.schemaVersion());
        }
        return Optional.empty();
    }

    private Optional<StoredValidation> newestTraining(DatasetRecord dataset) {
        return store.history(dataset.getTrainingVersion()).stream().filter(v -> v.environment().equals(Feature.TRAINING)).findFirst();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
