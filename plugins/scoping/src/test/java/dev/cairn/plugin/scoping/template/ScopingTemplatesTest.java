package dev.cairn.plugin.scoping.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.scoping.MetricKind;
import dev.cairn.plugin.scoping.canvas.Canvas;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ScopingTemplatesTest {

    @Test
    void theFourIssueTemplatesExistBesideTheBlankOne() {
        assertThat(ScopingTemplates.ALL).extracting(ScopingTemplate::id).containsExactly("blank", "churn-prediction",
                "demand-forecasting", "visual-defect-detection", "document-classification");
        assertThat(new HashSet<>(ScopingTemplates.ALL.stream().map(ScopingTemplate::id).toList())).hasSize(ScopingTemplates.ALL.size());
    }

    @Test
    void everyTemplateFillsEveryRequiredCanvasBoxAndProposesMlAndSoftwareTargets() {
        for (ScopingTemplate template : ScopingTemplates.ALL.subList(1, ScopingTemplates.ALL.size())) {
            assertThat(new Canvas(template.canvas()).missingRequired()).as(template.id()).isEmpty();
            assertThat(template.targets()).as(template.id()).anyMatch(t -> t.kind() == MetricKind.ML)
                    .anyMatch(t -> t.kind() == MetricKind.SOFTWARE).anyMatch(t -> t.kind() == MetricKind.BUSINESS);
        }
    }

    @Test
    void theBlankTemplateFillsNothing() {
        assertThat(ScopingTemplates.BLANK.canvas()).isEmpty();
        assertThat(ScopingTemplates.BLANK.targets()).isEmpty();
        assertThat(ScopingTemplates.byId("no-such-template")).isEmpty();
    }
}
