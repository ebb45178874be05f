package dev.cairn.api.plugin;

import dev.cairn.api.project.ProjectRef;

/** One condition of a stage gate, evaluated for a project in the current tenant. */
public interface StageGateCheck {

    String title();

    GateResult evaluate(ProjectRef project);

    record GateResult(boolean passed, String explanation) {
        public static GateResult pass(String explanation) {
            return new GateResult(true, explanation);
        }

        public static GateResult fail(String explanation) {
            return new GateResult(false, explanation);
        }
    }
}
