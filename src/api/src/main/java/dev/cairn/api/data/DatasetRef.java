package dev.cairn.api.data;

import java.util.UUID;

/** A dataset of a project: the thing that has versions. */
public record DatasetRef(UUID id, UUID projectId, String name) {
}
