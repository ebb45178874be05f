package dev.cairn.api.files;

/**
 * The outcome of a store.
 *
 * @param file          the stored file: the new one, or the one that already held these bytes
 * @param alreadyStored true when the tenant had these exact bytes already (nothing new was written)
 */
public record StoreResult(StoredFile file, boolean alreadyStored) {
}
