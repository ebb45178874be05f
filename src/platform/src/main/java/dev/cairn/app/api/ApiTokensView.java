package dev.cairn.app.api;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.Role;
import dev.cairn.app.api.ApiTokenService.CreatedToken;
import dev.cairn.app.api.ApiTokenService.InvalidTokenRequest;
import dev.cairn.app.api.ApiTokenService.TokenRequest;
import dev.cairn.app.api.ApiTokenService.TokenView;
import dev.cairn.app.shell.MainLayout;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user's API tokens (docs/user-guide.md, "API tokens"): list, create (the secret is
 * shown once), revoke after a confirmation. A tenant admin also sees, and may revoke, every token of
 * the tenant. The platform admin belongs to no tenant and has no tokens.
 */
@Route(value = "account/tokens", layout = MainLayout.class)
@PageTitle("API tokens · Cairn")
@PermitAll
public class ApiTokensView extends VerticalLayout {

    static final String PATH = "account/tokens";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final String BY_ROLE = "A role";
    private static final String BY_PERMISSIONS = "Chosen permissions";

    private final ApiTokenService tokens;
    private final Grid<TokenView> mine = grid(false);
    private final Grid<TokenView> tenant = grid(true);
    private final Paragraph empty = new Paragraph("You have no API tokens yet. A token lets a script or another program "
            + "use Cairn's REST API (/api/v1) as you, within limits you choose: a role no higher than yours, or a few "
            + "permissions, until an expiry date. Create one, copy it into the program, and revoke it when it is no longer needed.");

    public ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        if (!tokens.hasTenant()) {
            add(new H2("API tokens"), new Paragraph("API tokens act within one tenant; the platform admin belongs to none, "
                    + "so there is nothing to create here."));
            return;
        }
        Button create = new Button("New token", click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("API tokens"), new Paragraph("Programs use these tokens for the REST API, documented at /api/docs."),
                create, empty, mine);
        if (tokens.isTenantAdmin()) {
            add(new H3("All tokens of the tenant"), tenant);
        }
        setSizeFull();
        refresh();
    }

    private Grid<TokenView> grid(boolean withOwner) {
        Grid<TokenView> grid = new Grid<>();
        grid.addColumn(TokenView::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        if (withOwner) {
            grid.addColumn(TokenView::owner).setHeader("Owner").setAutoWidth(true);
        }
        grid.addColumn(TokenView::hint).setHeader("Token").setAutoWidth(true);
        grid.addColumn(TokenView::scope).setHeader("Scope").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(token -> when(token.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> when(token.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt() == null ? "Never" : when(token.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(this::statusOrRevoke).setHeader("Status").setKey("status").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component statusOrRevoke(TokenView token) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (token.revokedAt() != null) {
            return new Paragraph("Revoked " + when(token.revokedAt()));
        }
        if (!token.active(now)) {
            return new Paragraph("Expired");
        }
        Button revoke = new Button("Revoke", click -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void confirmRevoke(TokenView token) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Revoke \"" + token.name() + "\"?");
        dialog.add(new Paragraph("Programs using this token (owner " + token.owner() + ") are refused from their next request. "
                + "This cannot be undone."));
        Button revoke = new Button("Revoke", click -> {
            tokens.revoke(token.id());
            dialog.close();
            Notices.success("Token \"" + token.name() + "\" revoked");
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), revoke);
        dialog.open();
    }

    /** What the form edits; turned into a {@link TokenRequest} when saved. */
    static final class Draft {
        String name = "";
        LocalDate expiresOn;
        String scopeKind = BY_ROLE;
        Role role;
        Set<PermissionDefinition> permissions = Set.of();
    }

    void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API token");
        TextField name = new TextField("Name");
        name.setHelperText("What the token is for, e.g. \"nightly export\"");
        name.setMaxLength(ApiTokenService.MAX_NAME_LENGTH);
        DatePicker expiresOn = new DatePicker("Expires on");
        expiresOn.setMin(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        expiresOn.setMax(tokens.latestExpiry());
        expiresOn.setHelperText("At most " + tokens.latestExpiry() + "; the token stops working at 00:00 UTC that day");
        RadioButtonGroup<String> scopeKind = new RadioButtonGroup<>("The token may act with", BY_ROLE, BY_PERMISSIONS);
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(tokens.assignableRoles());
        role.setItemLabelGenerator(Role::title);
        role.setHelperText("No higher than your own; lowered with yours if your roles change");
        CheckboxGroup<PermissionDefinition> permissions = new CheckboxGroup<>("Permissions");
        permissions.setItems(tokens.assignablePermissions());
        permissions.setItemLabelGenerator(permission -> permission.id() + " (" + permission.description() + ")");
        permissions.setVisible(false);

        Binder<Draft> binder = new Binder<>();
        binder.forField(name).asRequired("Name is required: say what the token is for.")
                .bind(draft -> draft.name, (draft, value) -> draft.name = value);
        binder.forField(expiresOn).asRequired("An expiry date is required.")
                .bind(draft -> draft.expiresOn, (draft, value) -> draft.expiresOn = value);
        binder.forField(scopeKind).bind(draft -> draft.scopeKind, (draft, value) -> draft.scopeKind = value);
        binder.forField(role).withValidator(value -> !BY_ROLE.equals(scopeKind.getValue()) || value != null, "Choose a role.")
                .bind(draft -> draft.role, (draft, value) -> draft.role = value);
        binder.forField(permissions)
                .withValidator(value -> !BY_PERMISSIONS.equals(scopeKind.getValue()) || !value.isEmpty(), "Choose at least one permission.")
                .bind(draft -> draft.permissions, (draft, value) -> draft.permissions = value);
        scopeKind.addValueChangeListener(change -> {
            role.setVisible(BY_ROLE.equals(change.getValue()));
            permissions.setVisible(BY_PERMISSIONS.equals(change.getValue()));
        });
        Draft draft = new Draft();
        draft.expiresOn = tokens.defaultExpiry();
        List<Role> roles = tokens.assignableRoles();
        draft.role = roles.isEmpty() ? null : roles.getLast();
        binder.readBean(draft);

        dialog.add(new FormLayout(name, expiresOn, scopeKind, role, permissions));
        Button save = new Button("Create token", click -> {
            try {
                binder.writeBean(draft);
                ApiTokenScope scope = BY_ROLE.equals(draft.scopeKind) ? ApiTokenScope.ofRole(draft.role)
                        : ApiTokenScope.ofPermissions(draft.permissions.stream().map(PermissionDefinition::id).collect(Collectors.toSet()));
                CreatedToken created = tokens.create(new TokenRequest(draft.name, draft.expiresOn, scope));
                dialog.close();
                refresh();
                showSecret(created);
            } catch (ValidationException invalid) {
                // Binder shows each error on its field.
            } catch (InvalidTokenRequest refused) {
                switch (refused.field()) {
                    case "name" -> fieldError(name, refused.getMessage());
                    case "expiresOn" -> {
                        expiresOn.setInvalid(true);
                        expiresOn.setErrorMessage(refused.getMessage());
                    }
                    default -> {
                        role.setInvalid(true);
                        role.setErrorMessage(refused.getMessage());
                        permissions.setInvalid(true);
                        permissions.setErrorMessage(refused.getMessage());
                    }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static void fieldError(TextField field, String message) {
        field.setInvalid(true);
        field.setErrorMessage(message);
    }

    /** The secret, once: it is not stored and cannot be shown again. */
    private void showSecret(CreatedToken created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token \"" + created.token().name() + "\" created");
        TextField secret = new TextField("Your new token");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("cairn-token-secret");
        Button copy = new Button("Copy", click -> {
            secret.getElement().executeJs("navigator.clipboard.writeText($0)", created.secret());
            Notices.success("Copied to the clipboard");
        });
        Paragraph warning = new Paragraph("Copy it now: Cairn keeps only a fingerprint of it and cannot show it again. "
                + "Anyone who has it can use the API as you, within its scope, until it expires or is revoked.");
        dialog.add(new VerticalLayout(warning, new HorizontalLayout(secret, copy)));
        dialog.setWidth("40rem");
        dialog.getFooter().add(new Button("Done", click -> dialog.close()));
        dialog.open();
    }

    private void refresh() {
        List<TokenView> own = tokens.mine();
        mine.setItems(own);
        mine.setVisible(!own.isEmpty());
        empty.setVisible(own.isEmpty());
        if (tokens.isTenantAdmin()) {
            tenant.setItems(tokens.tenantTokens());
        }
    }

    private static String when(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(WHEN);
    }
}
