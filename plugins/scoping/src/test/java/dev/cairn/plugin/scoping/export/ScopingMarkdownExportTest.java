package dev.cairn.plugin.scoping.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.scoping.export.ScopingExport;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.milestone.Milestone;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.template.ScopingStarter;
import dev.cairn.plugin.scoping.template.ScopingTemplates;
import dev.cairn.plugin.scoping.value.ValueAssessment;
import dev.cairn.plugin.scoping.value.ValueAssessment.Risk;
import dev.cairn.plugin.scoping.value.ValueService;
import java.text.NumberFormat;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real export of a saved scoping document, read by a CommonMark parser: a field cannot add a
 * heading, and the numbers read back as the values that were saved.
 */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:scopingexport;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class ScopingMarkdownExportTest {

    private static final int SECTIONS = 8;

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    ScopingStarter starter;
    @Autowired
    ValueService value;
    @Autowired
    FeasibilityService feasibility;
    @Autowired
    MilestoneService milestones;
    @Autowired
    ScopingExport export;

    @Test
    void theExportedNumbersReadBackAsSavedAndFieldsAddNoHeadings() throws ParseException {
        Actors actors = new Actors(dsl);
        String markdown = actors.as("acme-pm", () -> {
            UUID project = projects.create("Export numbers", "EXN" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), null).id();
            starter.start(project, ScopingTemplates.BLANK.id());
            value.save(project, new ValueAssessment("Churn rate\r===", "recall\n# a heading?", "1. fewer\r\n2. losses",
                    650000.0, "EUR per year", "From last year's\u2028figures\n---", Risk.LOW, Risk.LOW, null), null);
            feasibility.save(project, new FeasibilityAnswers(DataKind.STRUCTURED, true, "Two analysts labelled a sample", 1200, "accuracy",
                    0.92, Evidence.SOME, null, PriorWork.SOME, null), null);
            milestones.save(project, null, new Milestone("Baseline model", "acme-member", LocalDate.of(2027, 1, 4),
                    LocalDate.of(2027, 1, 8), 2.5, Milestone.Status.PLANNED, null), null);
            return export.markdown(project);
        });

        Node document = Parser.builder().build().parse(markdown);
        List<String> headings = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(text(heading));
            }

            @Override
            public void visit(Paragraph paragraph) {
                paragraphs.add(text(paragraph));
            }
        });

        assertThat(headings).as("the title and one heading per section, nothing else").hasSize(1 + SECTIONS)
                .startsWith("Scoping: Export numbers", "Problem");
        assertThat(paragraphs).contains("Business metric: Churn rate\n===", "ML metric: recall\n# a heading?",
                "How one moves the other: 1. fewer\n2. losses", "How the value was estimated: From last year's\nfigures\n---");
        assertThat(markdown).doesNotContain("\\6").doesNotContain("\\0.");

        NumberFormat numbers = NumberFormat.getNumberInstance(Locale.ENGLISH);
        Matcher estimate = match(paragraphs, "Estimated value: ([-\\d,.]+) EUR per year");
        assertThat(numbers.parse(estimate.group(1)).doubleValue()).isEqualTo(650000.0);
        assertThat(estimate.group(1)).isEqualTo("650,000");
        Matcher baseline = match(paragraphs, "Human-level baseline: accuracy ([-\\d,.]+) on ([-\\d,.]+) examples");
        assertThat(numbers.parse(baseline.group(1)).doubleValue()).isEqualTo(0.92);
        assertThat(numbers.parse(baseline.group(2)).intValue()).isEqualTo(1200);
        Matcher effort = match(paragraphs, "Baseline model — acme-member, 2027-01-04 to 2027-01-08, ([-\\d,.]+) person-days, planned");
        assertThat(numbers.parse(effort.group(1)).doubleValue()).isEqualTo(2.5);
    }

    private static Matcher match(List<String> paragraphs, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return paragraphs.stream().map(pattern::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph matches " + regex + " in " + paragraphs));
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                out.append('\n');
            }
        });
        return out.toString();
    }
}
