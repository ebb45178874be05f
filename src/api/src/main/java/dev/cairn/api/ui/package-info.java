/**
 * The UI kit for stage pages: a project page base ({@link dev.cairn.api.ui.ProjectPage}), one way to
 * report success and refusal ({@link dev.cairn.api.ui.Notices}, {@link dev.cairn.api.ui.StatusLine}),
 * a form helper that keeps the user's input and asks before unsaved edits are dropped
 * ({@link dev.cairn.api.ui.EditForm}), a number field read in the user's locale
 * ({@link dev.cairn.api.ui.DecimalField}) and a confirm-delete dialog ({@link dev.cairn.api.ui.ConfirmDelete}).
 * docs/plugin-guide.md shows how a stage page is written with it.
 */
package dev.cairn.api.ui;
