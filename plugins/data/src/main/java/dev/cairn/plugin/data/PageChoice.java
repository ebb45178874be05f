package dev.cairn.plugin.data;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import java.util.Optional;
import java.util.UUID;

/**
 * The dataset or version a data page's query string names, for the pages reached from a dataset's
 * page. Without the parameter (an old bookmark, the URL cut short) the page says what to choose
 * and links to the datasets list, and the result is empty; a malformed id or another project's is
 * not found.
 */
public final class PageChoice {

    public static final String DATASET = "dataset";
    public static final String VERSION = "version";

    private PageChoice() {
    }

    public static Optional<DatasetRecord> dataset(BeforeEnterEvent event, DatasetService datasets, ProjectRef project, HasComponents content) {
        return id(event, DATASET, "Dataset", project, content, "No dataset chosen.", "Choose one on the Datasets page")
                .map(id -> datasets.find(project.id(), id));
    }

    /** @param hint the link's text: where on a dataset's page the user picks a version for this page */
    public static Optional<DatasetVersionRecord> version(BeforeEnterEvent event, DatasetVersions versions, ProjectRef project,
                                                         HasComponents content, String hint) {
        return id(event, VERSION, "Dataset version", project, content, "No dataset version chosen.", hint)
                .map(id -> versions.version(project.id(), id));
    }

    private static Optional<UUID> id(BeforeEnterEvent event, String parameter, String what, ProjectRef project, HasComponents content,
                                     String none, String hint) {
        String id = event.getLocation().getQueryParameters().getSingleParameter(parameter).orElse("");
        if (id.isEmpty()) {
            content.removeAll();
            content.add(new Paragraph(none), new Anchor("data/datasets/" + project.id(), hint));
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException(what);
        }
    }
}
