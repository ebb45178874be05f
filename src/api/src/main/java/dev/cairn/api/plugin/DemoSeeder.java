package dev.cairn.api.plugin;

import dev.cairn.api.project.ProjectRef;

/**
 * Optional: a plugin that seeds example content into the demo project (demo profile only). Runs
 * as the demo tenant's project manager, through the plugin's own services.
 */
public interface DemoSeeder {

    void seed(ProjectRef project);
}
