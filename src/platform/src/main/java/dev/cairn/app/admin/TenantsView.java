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
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.app.security.PasswordPolicy;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
        // Every field is checked by the service's own input checks; a refusal only the service can
        // know (a taken slug or username) lands on its field by the name its message starts with.
        EditForm form = new EditForm(dialog)
                .checked(name, "Tenant name", TenantInput::name)
                .checked(slug, "Slug", TenantInput::slug)
                .checked(adminUsername, "Username", UserInput::username)
                .checked(adminName, "Display name", UserInput::displayName)
                .checked(adminPassword, "Password", passwordPolicy::check);
        dialog.add(new FormLayout(name, slug, adminUsername, adminName, adminPassword), form.status());
        Button save = new Button("Create", click -> {
            if (form.submit(() -> tenants.create(name.getValue(), slug.getValue(), adminUsername.getValue(), adminName.getValue(),
                    adminPassword.getValue()))) {
                dialog.close();
                Notices.success("Tenant created");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> {
            form.markSaved();
            dialog.close();
        }), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tenants.list());
    }
}
