package dev.cairn.api.tracking;

import java.util.Optional;

/**
 * A dataset a run read, recorded as an MLflow dataset input (runs/log-inputs). MLflow keeps one
 * dataset per experiment for each name and digest, and one input per run and dataset.
 *
 * @param name    the dataset's name, e.g. the dataset version's name and number
 * @param digest  the content digest (e.g. the dataset version's SHA-256); required, it is what
 *                tells two versions apart
 * @param source  where the data came from, e.g. {@code cairn:dataset-version/<id>}
 * @param context what the run used it for
 * @param schema  MLflow's schema JSON, if known
 * @param profile a summary such as row and column counts as JSON, if known
 */
public record DatasetInput(String name, String digest, String source, Context context, Optional<String> schema,
                           Optional<String> profile) {

    /** The {@code mlflow.data.context} tag MLflow's UI shows beside the input. */
    public enum Context {
        TRAINING("training"),
        VALIDATION("validation"),
        TEST("test");

        private final String tag;

        Context(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    public DatasetInput {
        schema = schema == null ? Optional.empty() : schema;
        profile = profile == null ? Optional.empty() : profile;
    }

    /** An input without schema or profile. */
    public DatasetInput(String name, String digest, String source, Context context) {
        this(name, digest, source, context, Optional.empty(), Optional.empty());
    }
}
