package dev.cairn.app.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.security.Role;
import dev.cairn.app.admin.UserAdminService.UserSummary;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.api.ui.Notices;
import dev.cairn.app.security.PasswordPolicy;
import dev.cairn.api.security.AccessDeniedException;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant admin's user management: create users, edit their name and roles, disable and delete (both confirmed). */
@Route("admin/users")
@PageTitle("Users · Cairn")
@RolesAllowed(Role.TENANT_ADMIN_NAME)
public class UsersView extends VerticalLayout {

    private static final Role[] TENANT_ROLES = Arrays.stream(Role.values()).filter(Role::isTenantRole).toArray(Role[]::new);

    private final UserAdminService users;
    private final PasswordPolicy passwordPolicy;
    private final Grid<UserSummary> grid = new Grid<>();
    /** Where a refused deletion says why, beside the list it was asked from. */
    private final StatusLine status = new StatusLine();

    public UsersView(UserAdminService users, PasswordPolicy passwordPolicy) {
        this.users = users;
        this.passwordPolicy = passwordPolicy;
        Button create = new Button("New user", click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Long text wraps instead of being cut off; short columns take their content's width.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(u -> u.roles().stream().sorted().map(Role::title).collect(Collectors.joining(", "))).setHeader("Roles")
                .setAutoWidth(true);
        grid.addColumn(u -> (u.enabled() ? "Active" : "Disabled") + (u.signInSlowed() ? ", sign-in slowed" : ""))
                .setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        add(new H2("Users"), create, status, grid);
        setSizeFull();
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button edit = new Button("Edit", click -> openEdit(user));
        Button toggle = user.enabled()
                ? new Button("Disable", click -> confirmDisable(user))
                : new Button("Enable", click -> act(() -> users.setEnabled(user.id(), true), "User enabled"));
        Button delete = new Button("Delete", click -> confirmDelete(user));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(edit, toggle, delete);
        if (user.signInSlowed()) {
            actions.add(new Button("Lift sign-in lock", click -> act(() -> users.liftSignInLock(user.id()),
                    "Sign-in lock lifted for " + user.username())));
        }
        return actions;
    }

    private void confirmDisable(UserSummary user) {
        ConfirmDialog confirm = new ConfirmDialog("Disable " + user.username() + "?",
                user.displayName() + " can no longer sign in, and their open sessions end at their next click. "
                        + "You can enable the account again later.", "Disable", event -> act(() -> users.setEnabled(user.id(), false),
                "User disabled; their sessions have ended"));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void confirmDelete(UserSummary user) {
        status.clear();
        ConfirmDelete.ask("user " + user.username(), user.displayName() + "'s name and sign-in are erased, their sessions end "
                + "and their API tokens are revoked. What they wrote or approved stays, shown as by \"Deleted user\". "
                + "This cannot be undone.", () -> users.delete(user.id()), this::refresh, status);
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        TextField username = new TextField("Username");
        TextField displayName = new TextField("Display name");
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("At least 8 characters; common passwords are refused");
        CheckboxGroup<Role> roles = roleChooser(Set.of(Role.MEMBER));
        EditForm form = new EditForm(dialog)
                .checked(username, "Username", UserInput::username)
                .checked(displayName, "Display name", UserInput::displayName)
                .checked(password, "Password", passwordPolicy::check)
                .checked(roles, "Roles", UserInput::tenantRoles);
        dialog.add(new FormLayout(username, displayName, password, roles), form.status());
        Button save = new Button("Create", click -> save(dialog, form,
                () -> users.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue()), "User created"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel(dialog, form), save);
        dialog.open();
    }

    private void openEdit(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit " + user.username());
        TextField displayName = new TextField("Display name");
        displayName.setValue(user.displayName());
        CheckboxGroup<Role> roles = roleChooser(user.roles());
        roles.setHelperText("A change of roles ends the user's open sessions");
        EditForm form = new EditForm(dialog)
                .checked(displayName, "Display name", UserInput::displayName)
                .checked(roles, "Roles", UserInput::tenantRoles);
        dialog.add(new FormLayout(displayName, roles), form.status());
        Button save = new Button("Save", click -> save(dialog, form,
                () -> users.edit(user.id(), displayName.getValue(), roles.getValue()), "User saved"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel(dialog, form), save);
        dialog.open();
    }

    private static CheckboxGroup<Role> roleChooser(Set<Role> selected) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(TENANT_ROLES);
        roles.setItemLabelGenerator(Role::title);
        roles.setValue(selected);
        return roles;
    }

    /** Every field's error at once; a refusal only the service knows lands on its field; the dialog keeps the input. */
    private void save(Dialog dialog, EditForm form, Runnable action, String success) {
        if (form.submit(action)) {
            dialog.close();
            Notices.success(success);
            refresh();
        }
    }

    /** Cancel drops the edits on purpose: the leave guard no longer asks. */
    private static Button cancel(Dialog dialog, EditForm form) {
        return new Button("Cancel", click -> {
            form.markSaved();
            dialog.close();
        });
    }

    /** An action from the grid: a refusal (disabling yourself) is shown in a dialog the user closes, not a pop-up. */
    private void act(Runnable action, String success) {
        try {
            action.run();
            Notices.success(success);
            refresh();
        } catch (IllegalArgumentException | AccessDeniedException refused) {
            ConfirmDialog refusal = new ConfirmDialog("Not done", refused.getMessage(), "OK", event -> {
            });
            refusal.open();
        }
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
