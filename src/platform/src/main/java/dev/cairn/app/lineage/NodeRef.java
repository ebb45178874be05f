package dev.cairn.app.lineage;

import java.util.UUID;

/** A node reached by an upstream or downstream query; {@code distance} counts the edges from the start. */
public record NodeRef(UUID id, NodeKind kind, String type, String name, int distance) {
}
