package dev.cairn.app.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.security.Role;
import dev.cairn.app.admin.UserAdminService.UserSummary;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant admin's user management: create users, assign roles, disable. */
@Route("admin/users")
@PageTitle("Users · Cairn")
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class UsersView extends VerticalLayout {

    private static final Role[] TENANT_ROLES = Arrays.stream(Role.values()).filter(Role::isTenantRole).toArray(Role[]::new);

    private final UserAdminService users;
    private final Grid<UserSummary> grid = new Grid<>();

    public UsersView(UserAdminService users) {
        this.users = users;
        Button create = new Button("New user", click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(UserSummary::username).setHeader("Username");
        grid.addColumn(UserSummary::displayName).setHeader("Name");
        grid.addColumn(u -> u.roles().stream().sorted().map(Role::title).collect(Collectors.joining(", "))).setHeader("Roles");
        grid.addColumn(u -> (u.enabled() ? "Active" : "Disabled") + (u.signInSlowed() ? ", sign-in slowed" : ""))
                .setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        add(new H2("Users"), create, grid);
        setSizeFull();
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button roles = new Button("Roles", click -> openRoles(user));
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", click -> run(() -> users.setEnabled(user.id(), !user.enabled()),
                user.enabled() ? "User disabled; their sessions have ended" : "User enabled"));
        HorizontalLayout actions = new HorizontalLayout(roles, toggle);
        if (user.signInSlowed()) {
            actions.add(new Button("Lift sign-in lock", click -> run(() -> users.liftSignInLock(user.id()),
                    "Sign-in lock lifted for " + user.username())));
        }
        return actions;
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        TextField username = new TextField("Username");
        TextField displayName = new TextField("Display name");
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("At least 8 characters; common passwords are refused");
        CheckboxGroup<Role> roles = roleChooser(Set.of(Role.MEMBER));
        dialog.add(new FormLayout(username, displayName, password, roles));
        Button save = new Button("Create", click -> {
            if (run(() -> users.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue()),
                    "User created")) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void openRoles(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + user.username());
        CheckboxGroup<Role> roles = roleChooser(user.roles());
        dialog.add(roles);
        Button save = new Button("Save", click -> {
            if (run(() -> users.setRoles(user.id(), roles.getValue()), "Roles saved")) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static CheckboxGroup<Role> roleChooser(Set<Role> selected) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(TENANT_ROLES);
        roles.setItemLabelGenerator(Role::title);
        roles.setValue(selected);
        return roles;
    }

    private boolean run(Runnable action, String success) {
        try {
            action.run();
            Notices.success(success);
            refresh();
            return true;
        } catch (IllegalArgumentException | dev.cairn.api.security.AccessDeniedException problem) {
            Notices.refused(problem.getMessage());
            return false;
        }
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
