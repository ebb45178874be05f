package dev.cairn.plugin.data;

/** Datasets and their versions: the list, a dataset's page, and what registering, importing and deleting record. */
final class DatasetsPart {

    static final DataPart PART = DataPart.builder()
            .route(DatasetsView.class).route(DatasetView.class)
            .artifact(DataPlugin.DATASET_ARTIFACT, "Dataset")
            .ownArtifact(DataPlugin.VERSION_ARTIFACT, "Dataset version")
            .ownArtifact(DataPlugin.TOMBSTONE_ARTIFACT, "Deleted dataset version")
            .execution(DataPlugin.REGISTRATION_EXECUTION, "Dataset registration")
            .ownExecution(DataPlugin.IMPORT_EXECUTION, "Dataset import")
            .ownExecution(DataPlugin.DELETION_EXECUTION, "Dataset version deletion")
            .build();

    private DatasetsPart() {
    }
}
