package dev.cairn.plugin.scoping.portfolio;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.plugin.scoping.portfolio.CandidateService.PortfolioPoint;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import java.util.List;

/** The tenant's portfolio: every project's candidate solutions on one value/feasibility chart, and as a table. */
@Route("scoping/portfolio")
@PageTitle("Portfolio · Cairn")
@PermitAll
public class PortfolioView extends VerticalLayout implements BeforeEnterObserver {

    private final CandidateService candidates;
    private final PermissionCheck permissions;

    public PortfolioView(CandidateService candidates, PermissionCheck permissions) {
        this.candidates = candidates;
        this.permissions = permissions;
    }

    /** The portfolio is the tenant's: without the read permission (the platform admin has none) it is "not found". */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!permissions.can(ScopingPermissions.READ)) {
            throw new dev.cairn.api.tenancy.NotFoundException("Portfolio");
        }
        removeAll();
        List<PortfolioPoint> points = candidates.portfolio();
        add(new H2("Portfolio"), new Paragraph("Every candidate solution of every project, by feasibility (right is easier) and value "
                + "(up is more valuable). Chosen solutions are drawn larger. Candidates are scored on each project's scoping page."));
        PortfolioChart chart = new PortfolioChart();
        chart.setWidthFull();
        chart.setHeight("420px");
        chart.setId("portfolio-chart");
        chart.setPoints(points);
        Grid<PortfolioPoint> table = new Grid<>();
        table.addComponentColumn(p -> new Anchor("scoping/document/" + p.project().id(), p.project().key())).setHeader("Project")
                .setAutoWidth(true);
        table.addColumn(PortfolioPoint::title).setHeader("Candidate").setFlexGrow(2);
        table.addColumn(PortfolioPoint::feasibility).setHeader("Feasibility").setAutoWidth(true);
        table.addColumn(PortfolioPoint::value).setHeader("Value").setAutoWidth(true);
        table.addColumn(p -> p.chosen() ? "✔ chosen" : "").setHeader("").setAutoWidth(true);
        table.setItems(points);
        table.setAllRowsVisible(true);
        table.setEmptyStateText("No candidate solutions scored yet. Score them on a project's scoping page, tab Candidates.");
        add(chart, table);
        var unscored = candidates.projectsWithout(points);
        if (!unscored.isEmpty()) {
            Paragraph missing = new Paragraph("Not on the chart yet (no candidate solution scored): ");
            missing.setId("portfolio-unscored");
            unscored.forEach(p -> missing.add(new Anchor("scoping/document/" + p.id(), p.key() + " · " + p.name()), new Span("  ")));
            add(missing);
        }
    }
}
