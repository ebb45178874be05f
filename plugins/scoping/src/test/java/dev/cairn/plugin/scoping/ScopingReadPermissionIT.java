package dev.cairn.plugin.scoping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.scoping.MetricContracts;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.discussion.CommentService;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.export.ScopingExport;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.portfolio.CandidateService;
import dev.cairn.plugin.scoping.review.ScopingReviewService;
import dev.cairn.plugin.scoping.template.ScopingStarter;
import dev.cairn.plugin.scoping.value.ValueService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every read of the scoping stage's services requires {@code scoping.read}, not only a project of
 * the caller's tenant. Every role holds the read permission, so the refused caller is the project
 * manager narrowed to every other scoping permission (as a scoped API token is); the same reads
 * narrowed to {@code scoping.read} alone pass, so a refusal is the missing permission and nothing
 * else. Runs on the platform with the scoping plugin alone (cairn-test-kit), on H2 and PostgreSQL.
 */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:scoping;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class ScopingReadPermissionIT {

    private static final List<PermissionDefinition> ALL_BUT_READ = ScopingPermissions.ALL.stream()
            .filter(permission -> !permission.equals(ScopingPermissions.READ)).toList();

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    ScopingStarter starter;
    @Autowired
    ScopingDocuments documents;
    @Autowired
    ProblemStatementService problems;
    @Autowired
    CanvasService canvas;
    @Autowired
    FeasibilityService feasibility;
    @Autowired
    ValueService value;
    @Autowired
    MetricContractService contracts;
    @Autowired
    MetricContracts approvedContracts;
    @Autowired
    ScopingReviewService reviews;
    @Autowired
    MilestoneService milestones;
    @Autowired
    CandidateService candidates;
    @Autowired
    CommentService comments;
    @Autowired
    ScopingExport export;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    /** Each service's reads, by service. */
    private Map<String, Map<String, Function<UUID, Object>>> readsByService() {
        Map<String, Map<String, Function<UUID, Object>>> reads = new LinkedHashMap<>();
        reads.put("ScopingDocuments", Map.of("find", documents::find, "revision", documents::revision, "activity", documents::activity));
        reads.put("ProblemStatementService", Map.of("find", problems::find));
        reads.put("CanvasService", Map.of("find", canvas::find));
        reads.put("FeasibilityService", Map.of("find", feasibility::find, "rating", feasibility::rating));
        reads.put("ValueService", Map.of("find", value::find));
        reads.put("MetricContractService", Map.of("latest", contracts::latest));
        reads.put("ScopingReviewService", Map.of("missing", reviews::missing, "state", reviews::state, "revision", reviews::revision,
                "history", reviews::history));
        reads.put("MilestoneService", Map.of("list", milestones::list, "possibleOwners", project -> milestones.possibleOwners()));
        reads.put("CandidateService", Map.of("list", candidates::list, "portfolio", project -> candidates.portfolio(),
                "projectsWithout", project -> candidates.projectsWithout(List.of())));
        reads.put("CommentService", Map.of("list", comments::list));
        reads.put("ScopingExport", Map.of("markdown", export::markdown, "pdf", export::pdf,
                "fileName", project -> export.fileName(project, "md")));
        return reads;
    }

    private ProjectRef startedProject() {
        var actors = new Actors(dsl);
        String key = "R" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Read check " + key, key, null));
        actors.run("acme-pm", () -> starter.start(project.id(), "churn-prediction"));
        return project;
    }

    @TestFactory
    Stream<DynamicContainer> eachReadIsRefusedWithoutScopingReadAndAllowedWithIt() {
        ProjectRef project = startedProject();
        var actors = new Actors(dsl);
        return readsByService().entrySet().stream().map(service -> DynamicContainer.dynamicContainer(service.getKey(),
                service.getValue().entrySet().stream().map(read -> dynamicTest(read.getKey(), () -> {
                    assertThatThrownBy(() -> actors.asScopedTo("acme-pm", ALL_BUT_READ, () -> read.getValue().apply(project.id())))
                            .as(service.getKey() + "." + read.getKey() + " without scoping.read")
                            .isInstanceOf(AccessDeniedException.class)
                            .hasMessage("You are not allowed to read scoping documents and the portfolio.");
                    assertThatCode(() -> actors.asScopedTo("acme-pm", List.of(ScopingPermissions.READ), () -> read.getValue().apply(project.id())))
                            .as(service.getKey() + "." + read.getKey() + " with scoping.read").doesNotThrowAnyException();
                }))));
    }

    /**
     * The approved metric contract is the stage contract other stages read (cairn-api's
     * MetricContracts) on their own permissions: a project of the caller's tenant is all it asks.
     */
    @Test
    void theApprovedContractOfferedToOtherStagesNeedsNoScopingPermission() {
        ProjectRef project = startedProject();
        assertThat(new Actors(dsl).asScopedTo("acme-pm", List.of(), () -> approvedContracts.approvedContract(project.id()))).isEmpty();
    }
}
