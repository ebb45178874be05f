package dev.cairn.plugin.data;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What most data plugin tests start from: a new project of Acme's (its own key, so tests sharing a
 * database never meet) holding one dataset, made by Acme's project manager.
 */
record World(ProjectRef project, UUID dataset) {

    private static final AtomicInteger KEYS = new AtomicInteger();

    /** A new Acme project, keyed {@code prefix} and a number. */
    static ProjectRef newProject(Actors actors, ProjectService projects, String prefix) {
        String key = prefix + KEYS.incrementAndGet();
        return actors.as("acme-pm", () -> projects.create("Project " + key, key, null));
    }

    /** A new Acme project with one dataset called {@code name}. */
    static World withDataset(Actors actors, ProjectService projects, DatasetService datasets, String prefix, String name,
                             String description) {
        ProjectRef project = newProject(actors, projects, prefix);
        UUID dataset = actors.as("acme-pm", () -> datasets.register(project.id(), name, null, description)).getId();
        return new World(project, dataset);
    }
}
