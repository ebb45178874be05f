package dev.cairn.plugin.scoping;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.plugin.scoping.portfolio.PortfolioView;
import dev.cairn.plugin.scoping.review.ScopingReviewService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The scoping stage: a project's scoping document (problem, canvas, feasibility and value
 * diligence, metric contract) and its review. Its gate passes when the document is complete and
 * its current revision approved; the approved metric contract is offered to the other stages
 * through cairn-api ({@link dev.cairn.api.scoping.MetricContracts}).
 */
@Component
class ScopingPlugin implements StagePlugin {

    static final String ID = "scoping";

    private final ScopingReviewService reviews;

    ScopingPlugin(ScopingReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.SCOPING;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("Document", ScopingView.class));
    }

    @Override
    public List<NavigationEntry> tenantNavigation() {
        return List.of(new NavigationEntry("Portfolio", PortfolioView.class));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return ScopingPermissions.ALL;
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(ScopingReviewService.DOCUMENT_ARTIFACT), List.of(ScopingReviewService.REVIEW_EXECUTION), java.util.Map.of(ScopingReviewService.DOCUMENT_ARTIFACT, "Scoping document", ScopingReviewService.REVIEW_EXECUTION, "Scoping review"));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Scoping document complete", reviews::completenessGate),
                StageGateCheck.of("Scoping approved", reviews::approvalGate));
    }
}
