package dev.cairn.app.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit log, read only: a tenant admin sees their tenant's entries, the platform admin every
 * tenant's (with a tenant column and filter). The grid pages in the database; the CSV export holds
 * exactly the filtered entries.
 */
@Route("admin/audit")
@PageTitle("Audit log · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME})
public class AuditLogView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final AuditLogService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Anchor download = new Anchor();
    private AuditFilter filter = AuditFilter.everything();

    public AuditLogView(AuditLogService audit) {
        this.audit = audit;
        boolean allTenants = audit.seesAllTenants();
        AuditFilterForm form = new AuditFilterForm(audit.tenantChoices(), audit.actions(), this::show);
        grid.addColumn(entry -> TIME.format(entry.at())).setHeader("Time (UTC)").setKey("time").setAutoWidth(true).setFlexGrow(0);
        if (allTenants) {
            grid.addColumn(entry -> entry.tenantSlug() == null ? "—" : entry.tenantSlug()).setHeader("Tenant").setKey("tenant").setAutoWidth(true);
        }
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setKey("actor").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setKey("action").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target").setKey("target").setFlexGrow(2);
        grid.addColumn(AuditEntry::outcome).setHeader("Outcome").setKey("outcome").setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setKey("detail").setFlexGrow(3);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateComponent(new Paragraph("No entries match the filter."));
        grid.setItems(query -> audit.page(filter, query.getOffset(), query.getLimit()).stream(), query -> audit.count(filter));
        Button export = new Button("Export CSV", click -> export());
        // The browser fetches a link on its own, possibly before a filter typed a moment ago has
        // reached the server; a button click comes after it, so the file holds the filter shown.
        download.setId("export-audit-csv");
        download.getStyle().set("display", "none");
        add(new H2("Audit log"), form, export, download, grid);
        setSizeFull();
    }

    private void export() {
        AuditFilter shown = filter;
        download.setHref(event -> {
            event.setFileName("cairn-audit-" + FILE_TIME.format(Instant.now()) + ".csv");
            event.setContentType(AuditCsv.CONTENT_TYPE);
            audit.exportCsv(shown, event.getOutputStream());
        });
        download.getElement().callJsFunction("click");
    }

    private void show(AuditFilter changed) {
        filter = changed;
        grid.getDataProvider().refreshAll();
    }
}
