package dev.cairn.app.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.security.Role;
import dev.cairn.app.db.tables.records.TenantRecord;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;

/** The platform admin's tenant management: create (with a first admin), list, disable. */
@Route("admin/tenants")
@PageTitle("Tenants · Cairn")
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class TenantsView extends VerticalLayout {

    private final TenantAdminService tenants;
    private final Grid<TenantRecord> grid = new Grid<>();

    public TenantsView(TenantAdminService tenants) {
        this.tenants = tenants;
        Button create = new Button("New tenant", click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(TenantRecord::getName).setHeader("Name");
        grid.addColumn(TenantRecord::getSlug).setHeader("Slug");
        grid.addColumn(t -> t.getEnabled() ? "Active" : "Disabled").setHeader("Status");
        grid.addColumn(t -> t.getCreatedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)).setHeader("Created");
        grid.addComponentColumn(t -> new Button(t.getEnabled() ? "Disable" : "Enable", click -> {
            tenants.setEnabled(t.getId(), !t.getEnabled());
            Notices.success(t.getEnabled() ? "Tenant disabled; its users' sessions have ended" : "Tenant enabled");
            refresh();
        })).setAutoWidth(true);
        add(new H2("Tenants"), create, grid);
        setSizeFull();
        refresh();
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
        dialog.add(new FormLayout(name, slug, adminUsername, adminName, adminPassword));
        Button save = new Button("Create", click -> {
            try {
                tenants.create(name.getValue(), slug.getValue(), adminUsername.getValue(), adminName.getValue(), adminPassword.getValue());
                dialog.close();
                Notices.success("Tenant created");
                refresh();
            } catch (IllegalArgumentException invalid) {
                Notices.refused(invalid.getMessage());
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
