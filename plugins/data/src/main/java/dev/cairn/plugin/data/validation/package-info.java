/**
 * Validation of a dataset version against a schema version, after TensorFlow Data Validation: the
 * version's profile (never its rows) is checked against each feature's type, presence, domain and
 * distinct-value bounds in one environment, and the schema's least row count. Each
 * {@link dev.cairn.plugin.data.validation.Anomaly} has a TFDV-like type, a severity, a plain
 * description with the observed figures, and where it makes sense a
 * {@link dev.cairn.plugin.data.validation.SchemaFix}: a pure function giving the next schema
 * version that accepts what was found (the schema service saves it with author and reason).
 * {@link dev.cairn.plugin.data.validation.Validator} is pure; {@code VersionValidation} reads a
 * stored version's profile for it.
 */
package dev.cairn.plugin.data.validation;
