package dev.cairn.app.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.security.Role;
import dev.cairn.app.db.tables.records.TenantRecord;
import dev.cairn.app.ui.FieldChecks;
import dev.cairn.app.ui.FieldRefusal;
import dev.cairn.app.ui.FormProblem;
import dev.cairn.api.ui.Notices;
import dev.cairn.app.security.PasswordPolicy;
import dev.cairn.api.security.AccessDeniedException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.data.binder.Binder;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;

/** The platform admin's tenant management: create (with a first admin), list, disable (confirmed). */
@Route("admin/tenants")
@PageTitle("Tenants · Cairn")
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class TenantsView extends VerticalLayout {

    private final TenantAdminService tenants;
    private final PasswordPolicy passwordPolicy;
    private final Grid<TenantRecord> grid = new Grid<>();

    public TenantsView(TenantAdminService tenants, PasswordPolicy passwordPolicy) {
        this.tenants = tenants;
        this.passwordPolicy = passwordPolicy;
        Button create = new Button("New tenant", click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Long text wraps instead of being cut off; short columns take their content's width.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(TenantRecord::getName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(TenantRecord::getSlug).setHeader("Slug").setAutoWidth(true);
        grid.addColumn(t -> t.getEnabled() ? "Active" : "Disabled").setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> t.getCreatedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(t -> t.getEnabled()
                ? new Button("Disable", click -> confirmDisable(t))
                : new Button("Enable", click -> {
                    tenants.setEnabled(t.getId(), true);
                    Notices.success("Tenant enabled");
                    refresh();
                })).setAutoWidth(true);
        add(new H2("Tenants"), create, grid);
        setSizeFull();
        refresh();
    }

    private void confirmDisable(TenantRecord tenant) {
        ConfirmDialog confirm = new ConfirmDialog("Disable " + tenant.getName() + "?",
                "None of its users can sign in any more, and their open sessions end at their next click. "
                        + "Its data stays; you can enable the tenant again later.", "Disable", event -> {
                    tenants.setEnabled(tenant.getId(), false);
                    Notices.success("Tenant disabled; its users' sessions have ended");
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New tenant");
        TextField name = new TextField("Organisation name");
        TextField slug = new TextField("Slug");
        slug.setHelperText("Short id, e.g. acme");
        TextField adminUsername = new TextField("First admin: username");
        TextField adminName = new TextField("First admin: display name");
        PasswordField adminPassword = new PasswordField("First admin: initial password");
        FormProblem problem = new FormProblem();
        dialog.add(new FormLayout(name, slug, adminUsername, adminName, adminPassword), problem);
        Binder<Void> checks = new Binder<>();
        FieldChecks.check(checks, name, TenantInput::name);
        FieldChecks.check(checks, slug, TenantInput::slug);
        FieldChecks.check(checks, adminUsername, UserInput::username);
        FieldChecks.check(checks, adminName, UserInput::displayName);
        FieldChecks.check(checks, adminPassword, passwordPolicy::check);
        Map<String, HasValidation> fields = Map.of("name", name, "slug", slug, "username", adminUsername,
                "displayName", adminName, "password", adminPassword);
        Button save = new Button("Create", click -> {
            problem.clear();
            if (!checks.validate().isOk()) {
                return;
            }
            try {
                tenants.create(name.getValue(), slug.getValue(), adminUsername.getValue(), adminName.getValue(), adminPassword.getValue());
                dialog.close();
                Notices.success("Tenant created");
                refresh();
            } catch (FieldRefusal refusal) {
                if (!FieldChecks.show(refusal, fields)) {
                    problem.show(refusal.getMessage());
                }
            } catch (IllegalArgumentException | AccessDeniedException refused) {
                problem.show(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tenants.list());
    }
}
