package dev.cairn.api.project;

import java.util.UUID;

/** A project of the current tenant, as plugins see it. */
public record ProjectRef(UUID id, String key, String name) {
}
