package dev.cairn.plugin.data.validation;

/** How bad an anomaly is: an error fails validation (and the data gate), a warning is shown and passes. */
public enum Severity {
    ERROR,
    WARNING
}
