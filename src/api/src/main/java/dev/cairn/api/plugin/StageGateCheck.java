package dev.cairn.api.plugin;

import dev.cairn.api.project.ProjectRef;

/** One condition of a stage gate, evaluated for a project in the current tenant. */
public interface StageGateCheck {

    String title();

    GateResult evaluate(ProjectRef project);

    /** A check from its title and a function evaluating it. */
    static StageGateCheck of(String title, java.util.function.Function<ProjectRef, GateResult> evaluator) {
        return new StageGateCheck() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public GateResult evaluate(ProjectRef project) {
                return evaluator.apply(project);
            }
        };
    }

    record GateResult(boolean passed, String explanation) {
        public static GateResult pass(String explanation) {
            return new GateResult(true, explanation);
        }

        public static GateResult fail(String explanation) {
            return new GateResult(false, explanation);
        }
    }
}
