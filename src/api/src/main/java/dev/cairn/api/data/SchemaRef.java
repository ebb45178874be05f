package dev.cairn.api.data;

import java.util.UUID;

/** Names one version of a schema. */
public record SchemaRef(UUID schemaId, int version) {
}
