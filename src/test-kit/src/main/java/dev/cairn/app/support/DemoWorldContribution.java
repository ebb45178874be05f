package dev.cairn.app.support;

import dev.cairn.api.project.ProjectRef;

/**
 * A plugin's part of the demo world: what its tests expect on top of the platform's tenants, users
 * and projects (the kit knows no plugin, so it cannot seed a plugin's data itself). Declare one as a
 * bean of the test context (a {@code @Component} in the plugin's test sources under a scanned
 * package, or {@code @Import} it); {@link DemoWorld#create()} calls every one, in {@code @Order},
 * once per demo tenant. Contributions must be idempotent: {@code create()} runs before each test.
 */
@FunctionalInterface
public interface DemoWorldContribution {

    /**
     * Seeds the tenant {@code slug} (acme or globex), whose first project is {@code project}. Run
     * work as one of its users through {@code world.actors()} ({@code slug + "-admin"}, "-pm",
     * "-member", "-viewer").
     */
    void contribute(DemoWorld world, String slug, ProjectRef project);
}
