package dev.cairn.plugin.data;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import java.util.List;

/** The data stage's permissions, declared once; services require them, views ask for them. */
public final class DataPermissions {

    public static final PermissionDefinition READ = new PermissionDefinition("data.read",
            "see a project's datasets", Audience.EVERYONE);
    public static final PermissionDefinition REGISTER = new PermissionDefinition("data.register",
            "register and edit datasets", Audience.CONTRIBUTORS);
    public static final PermissionDefinition DELETE = new PermissionDefinition("data.delete",
            "delete datasets", Audience.MANAGERS);

    /** Upload a version of a dataset (in the browser or with an API token scoped to it). */
    public static final PermissionDefinition UPLOAD = new PermissionDefinition("data.upload",
            "upload dataset versions", Audience.CONTRIBUTORS);
    /** Delete a version's bytes for good (a privacy request); audited, lineage keeps a tombstone. */
    public static final PermissionDefinition DELETE_VERSION = new PermissionDefinition("data.delete-version",
            "delete dataset versions", Audience.MANAGERS);

    /** Build, refit and delete a dataset's transform recipes. */
    public static final PermissionDefinition EDIT_RECIPE = new PermissionDefinition("data.edit-recipe",
            "build transform recipes", Audience.CONTRIBUTORS);

    /** Rank a version's features against a label (a background job); saving a selection is a recipe's ({@link #EDIT_RECIPE}). */
    public static final PermissionDefinition RANK_FEATURES = new PermissionDefinition("data.rank-features",
            "rank features against a label", Audience.CONTRIBUTORS);

    /** Infer a dataset's schema and save edited versions of it (drafts: approving is a manager's). */
    public static final PermissionDefinition EDIT_SCHEMA = new PermissionDefinition("data.edit-schema",
            "infer and edit dataset schemas", Audience.CONTRIBUTORS);
    /** Approve a schema version someone else wrote (separation of duties), superseding the approved one. */
    public static final PermissionDefinition APPROVE_SCHEMA = new PermissionDefinition("data.approve-schema",
            "approve dataset schema versions", Audience.MANAGERS);

    /** Keep a version's label agreement as the project's human-level figure (and delete one). */
    public static final PermissionDefinition REVIEW_LABELS = new PermissionDefinition("data.review-labels",
            "record label reviews as human-level figures", Audience.CONTRIBUTORS);

    /** Validate a dataset version against a schema version (the run is stored) and choose a dataset's training version. */
    public static final PermissionDefinition VALIDATE = new PermissionDefinition("data.validate",
            "validate dataset versions and choose the training version", Audience.CONTRIBUTORS);

    static final List<PermissionDefinition> ALL = List.of(READ, REGISTER, DELETE, UPLOAD, DELETE_VERSION, EDIT_SCHEMA, APPROVE_SCHEMA,
            EDIT_RECIPE, REVIEW_LABELS, VALIDATE, RANK_FEATURES);

    private DataPermissions() {
    }
}
