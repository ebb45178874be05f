package dev.cairn.plugin.data.recipepage;

import dev.cairn.api.files.NewFile;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a recipe's output as a version of the derived dataset of the same project ("{dataset}-{recipe}", registered
 * when missing, its description saying where it comes from), through the ordinary upload: the same strict import, and
 * the same bytes twice are the same version. Each new version says in its provenance which recipe version made it
 * from which input version, and lineage records a "Recipe application" from both to it. One transaction with the
 * run's DONE: nothing of it is left when any part fails.
 */
@Service
class DerivedVersions {

    static final String APPLICATION_EXECUTION = "data.recipe-application";

    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final RunStore runs;
    private final LineageRecorder lineage;

    DerivedVersions(DatasetService datasets, DatasetVersions versions, RunStore runs, LineageRecorder lineage) {
        this.datasets = datasets;
        this.versions = versions;
        this.runs = runs;
        this.lineage = lineage;
    }

    /** The derived dataset's name: the dataset's and the recipe's, within a dataset name's 120 characters. */
    static String derivedName(String dataset, String recipe) {
        String name = dataset + "-" + recipe;
        return name.length() <= 120 ? name : name.substring(0, 120);
    }

    @Transactional
    DatasetVersions.Upload write(UUID runId, UUID projectId, DatasetRecipes.Version recipe, DatasetVersionRecord input, Path file, long rows,
                                 long dropped) {
        DatasetRecord source = datasets.find(projectId, input.getDatasetId());
        String recipeName = recipe.recipe().name();
        int recipeVersion = recipe.row().getVersion();
        String name = derivedName(source.getName(), recipeName);
        DatasetRecord target = datasets.list(projectId).stream().filter(d -> d.getName().equals(name)).findFirst()
                .orElseGet(() -> datasets.register(projectId, name, null, "Made by Cairn from the dataset " + source.getName()
                        + " with its recipe " + recipeName + ": each version says which recipe version made it from which version of "
                        + source.getName() + "."));
        String from = source.getName() + " v" + input.getVersion();
        Provenance provenance = new Provenance("Recipe " + recipeName + " v" + recipeVersion + " (recipe version " + recipe.row().getId()
                + ") applied to " + from + " (dataset version " + input.getId() + ")",
                "Transformed by Cairn: every row of " + from + " through the recipe's steps", input.getLicence(),
                rows + " rows written, " + dropped + " dropped by the recipe's row filters.");
        String fileName = name + "-v" + recipeVersion + "-from-v" + input.getVersion() + ".csv";
        DatasetVersions.Upload upload;
        try (InputStream content = Files.newInputStream(file)) {
            upload = versions.upload(projectId, target.getId(), new NewFile(fileName, "text/csv", Files.size(file)), content,
                    new FormatOverrides(',', '"', true, java.nio.charset.StandardCharsets.UTF_8, null), provenance);
        } catch (IOException e) {
            throw new UncheckedIOException("The transformed rows could not be read back: " + e.getMessage(), e);
        }
        if (!upload.alreadyStored()) {
            List<UUID> inputs = new ArrayList<>();
            if (recipe.row().getLineageArtifact() != null) {
                inputs.add(recipe.row().getLineageArtifact());
            }
            if (input.getLineageArtifact() != null) {
                inputs.add(input.getLineageArtifact());
            }
            lineage.recordExecution(projectId, APPLICATION_EXECUTION, "Apply " + recipeName + " v" + recipeVersion + " to " + from, inputs,
                    List.of(upload.version().getLineageArtifact()), Map.of("recipe_version_id", recipe.row().getId().toString(),
                            "input_version_id", input.getId().toString(), "rows", String.valueOf(rows), "dropped", String.valueOf(dropped)));
        }
        runs.done(runId, upload.version().getId(), upload.message(target.getName()));
        return upload;
    }
}
