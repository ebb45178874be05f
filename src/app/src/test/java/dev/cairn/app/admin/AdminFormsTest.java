package dev.cairn.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.app.support.Actors;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The admins' forms: errors on their fields, all at once, the input kept, no pop-ups (issue 8). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:appforms;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class AdminFormsTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private TextField field(String label) {
        return $(TextField.class).withLabel(label).single();
    }

    private void click(String text) {
        test($(Button.class).withText(text).single()).click();
    }

    @Test
    void aNewTenantWhoseFirstAdminNameIsTakenIsRefusedOnThatFieldAndNothingIsWritten() {
        new Actors(dsl).signIn("platform");
        UI.getCurrent().navigate("admin/tenants");
        click("New tenant");
        test(field("Organisation name")).setValue("Initech");
        test(field("Slug")).setValue("initech");
        test(field("First admin: username")).setValue("acme-admin");
        test(field("First admin: display name")).setValue("Bill Lumbergh");
        test($(PasswordField.class).single()).setValue("a-long-unusual-passphrase");

        click("Create");

        TextField username = field("First admin: username");
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Username acme-admin is already taken.");
        assertThat(field("Organisation name").getValue()).isEqualTo("Initech");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat($(Notification.class).all()).as("no red pop-up").isEmpty();
        assertThat(dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.fetchExists(dev.cairn.app.db.Tables.TENANT,
                dev.cairn.app.db.Tables.TENANT.SLUG.eq("initech")))).as("nothing half-written").isFalse();
    }

    @Test
    void leavingTheTenantFormWithUnsavedInputAsksFirstAndCancelDropsTheInputOnPurpose() {
        new Actors(dsl).signIn("platform");
        UI.getCurrent().navigate("admin/tenants");
        click("New tenant");
        test(field("Organisation name")).setValue("Half typed");

        UI.getCurrent().navigate("admin/audit");

        assertThat(getCurrentView()).as("the navigation waits for an answer").isInstanceOf(TenantsView.class);
        dev.cairn.api.ui.Confirmation ask = $(dev.cairn.api.ui.Confirmation.class).single();
        assertThat(ask.header()).isEqualTo("Leave without saving?");
        test($(Button.class).withText("Stay").single()).click();
        assertThat(getCurrentView()).isInstanceOf(TenantsView.class);
        assertThat(field("Organisation name").getValue()).as("staying keeps the input").isEqualTo("Half typed");

        click("Cancel");
        UI.getCurrent().navigate("admin/audit");
        assertThat(getCurrentView()).as("a cancelled form does not ask").isInstanceOf(dev.cairn.app.audit.AuditLogView.class);
    }

    @Test
    void aNewTenantWithABadSlugAndNoNameShowsBothErrorsAtOnce() {
        new Actors(dsl).signIn("platform");
        UI.getCurrent().navigate("admin/tenants");
        click("New tenant");
        test(field("Slug")).setValue("9 bad");

        click("Create");

        assertThat(field("Organisation name").isInvalid()).isTrue();
        assertThat(field("Slug").getErrorMessage()).startsWith("Slug must be");
        assertThat(field("First admin: username").isInvalid()).isTrue();
        assertThat($(PasswordField.class).single().isInvalid()).isTrue();
        assertThat(field("Slug").getValue()).isEqualTo("9 bad");
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void aRoleChangeWithNoRoleIsRefusedOnTheRolesAndTheUserKeepsTheirRoles() {
        new Actors(dsl).signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");
        openEditOf("acme-viewer");
        @SuppressWarnings("unchecked")
        CheckboxGroup<dev.cairn.api.security.Role> roles = $(CheckboxGroup.class).single();
        test(roles).deselectAll();

        click("Save");

        assertThat(roles.isInvalid()).isTrue();
        assertThat(roles.getErrorMessage()).isEqualTo("Roles must include at least one role.");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat($(Notification.class).all()).isEmpty();
        assertThat(new Actors(dsl).principal("acme-viewer").roles()).isEqualTo(Set.of(dev.cairn.api.security.Role.VIEWER));
    }

    @Test
    void aNewUserWithSeveralBadFieldsShowsEveryErrorAtOnce() {
        new Actors(dsl).signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");
        click("New user");
        test(field("Username")).setValue("x");
        test($(PasswordField.class).single()).setValue("short");

        click("Create");

        assertThat(field("Username").getErrorMessage()).startsWith("Username must be 3-80 characters");
        assertThat(field("Display name").getErrorMessage()).startsWith("Display name is required");
        assertThat($(PasswordField.class).single().getErrorMessage()).startsWith("Password must have at least");
        assertThat(field("Username").getValue()).isEqualTo("x");
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void aTenantAdminEditsAUsersNameAndRolesAndEachChangeIsAudited() {
        new Actors(dsl).signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");
        openEditOf("acme-member");
        test(field("Display name")).setValue("Maxine Member");
        @SuppressWarnings("unchecked")
        CheckboxGroup<dev.cairn.api.security.Role> roles = $(CheckboxGroup.class).single();
        test(roles).selectItem(dev.cairn.api.security.Role.PROJECT_MANAGER.title());

        click("Save");

        var member = new Actors(dsl).principal("acme-member");
        assertThat(member.displayName()).isEqualTo("Maxine Member");
        assertThat(member.roles()).containsExactlyInAnyOrder(dev.cairn.api.security.Role.MEMBER,
                dev.cairn.api.security.Role.PROJECT_MANAGER);
        assertThat(audited("user.rename", "acme-member")).isEqualTo(1);
        assertThat(audited("user.roles", "acme-member")).isEqualTo(1);
        assertThat($(Dialog.class).all()).isEmpty();
    }

    @Test
    void disablingAUserAsksFirstAndCancelLeavesThemActive() {
        new Actors(dsl).signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");
        rowButton("acme-pm", "Disable").click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Disable acme-pm?");
        assertThat(new Actors(dsl).principal("acme-pm").isEnabled()).as("nothing happens before the confirmation").isTrue();

        test(confirm).cancel();
        assertThat(new Actors(dsl).principal("acme-pm").isEnabled()).isTrue();

        rowButton("acme-pm", "Disable").click();
        test($(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single()).confirm();
        assertThat(new Actors(dsl).principal("acme-pm").isEnabled()).isFalse();
        assertThat(audited("user.disable", "acme-pm")).isEqualTo(1);
        dev.cairn.app.tenancy.TenantScope.runAsPlatform(() -> dsl.update(dev.cairn.app.db.Tables.APP_USER)
                .set(dev.cairn.app.db.Tables.APP_USER.ENABLED, true).where(dev.cairn.app.db.Tables.APP_USER.USERNAME.eq("acme-pm")).execute());
    }

    @Test
    void deletingAUserAsksFirstAndThenTheyAreGoneFromTheList() {
        String spare = "spare-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.util.UUID spareId = new Actors(dsl).as("acme-admin", () -> users.create(spare, "Sam Spare", "a long spare password",
                Set.of(dev.cairn.api.security.Role.VIEWER)));
        new Actors(dsl).signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");

        rowButton(spare, "Delete").click();
        dev.cairn.api.ui.Confirmation ask = $(dev.cairn.api.ui.Confirmation.class).single();
        assertThat(ask.header()).isEqualTo("Delete user " + spare + "?");
        assertThat(ask.text()).contains("Sam Spare's name and sign-in are erased").contains("Deleted user");
        test($(Button.class).withText("Cancel").single()).click();
        assertThat(deletedAt(spareId)).as("nothing happens before the confirmation").isNull();

        rowButton(spare, "Delete").click();
        test($(dev.cairn.api.ui.Confirmation.class).withCondition(Dialog::isOpened).single().confirmButton()).click();

        assertThat(deletedAt(spareId)).isNotNull();
        assertThat(usernamesListed()).doesNotContain(spare).contains("acme-admin");
        assertThat(audited("user.delete", spare)).isEqualTo(1);
    }

    @Test
    void deletingYourselfIsRefusedBesideTheListAndNothingChanges() {
        new Actors(dsl).signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");

        rowButton("acme-admin", "Delete").click();
        test($(dev.cairn.api.ui.Confirmation.class).single().confirmButton()).click();

        assertThat($(dev.cairn.api.ui.StatusLine.class).first().message()).startsWith("You cannot delete yourself");
        assertThat(usernamesListed()).contains("acme-admin");
        assertThat(deletedAt(new Actors(dsl).principal("acme-admin").id())).isNull();
    }

    @Autowired
    UserAdminService users;

    private java.time.OffsetDateTime deletedAt(java.util.UUID id) {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.APP_USER.DELETED_AT)
                .from(dev.cairn.app.db.Tables.APP_USER).where(dev.cairn.app.db.Tables.APP_USER.ID.eq(id)).fetchSingle().value1());
    }

    private java.util.List<String> usernamesListed() {
        @SuppressWarnings("unchecked")
        Grid<UserAdminService.UserSummary> grid = $(Grid.class).single();
        var tester = test(grid);
        return java.util.stream.IntStream.range(0, tester.size()).mapToObj(row -> tester.getRow(row).username()).toList();
    }

    @Test
    void disablingATenantAsksFirst() {
        new Actors(dsl).signIn("platform");
        UI.getCurrent().navigate("admin/tenants");
        @SuppressWarnings("unchecked")
        Grid<dev.cairn.app.db.tables.records.TenantRecord> grid = $(Grid.class).single();
        var tester = test(grid);
        int row = 0;
        while (!tester.getRow(row).getSlug().equals("globex")) {
            row++;
        }
        test((Button) tester.getCellComponent(row, 4)).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).startsWith("Disable ");
        assertThat(globexEnabled()).isTrue();

        test(confirm).confirm();

        assertThat(globexEnabled()).isFalse();
        dev.cairn.app.tenancy.TenantScope.runAsPlatform(() -> dsl.update(dev.cairn.app.db.Tables.TENANT)
                .set(dev.cairn.app.db.Tables.TENANT.ENABLED, true).where(dev.cairn.app.db.Tables.TENANT.SLUG.eq("globex")).execute());
    }

    private boolean globexEnabled() {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.TENANT.ENABLED)
                .from(dev.cairn.app.db.Tables.TENANT).where(dev.cairn.app.db.Tables.TENANT.SLUG.eq("globex")).fetchSingle().value1());
    }

    private int audited(String action, String target) {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.fetchCount(dev.cairn.app.db.Tables.AUDIT_ENTRY,
                dev.cairn.app.db.Tables.AUDIT_ENTRY.ACTION.eq(action).and(dev.cairn.app.db.Tables.AUDIT_ENTRY.TARGET.eq(target))));
    }

    private com.vaadin.flow.component.button.ButtonTester<Button> rowButton(String username, String text) {
        @SuppressWarnings("unchecked")
        Grid<UserAdminService.UserSummary> grid = $(Grid.class).single();
        var tester = test(grid);
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getRow(row).username().equals(username)) {
                return test(tester.getCellComponent(row, 4).getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                        .filter(button -> button.getText().equals(text)).findFirst().orElseThrow());
            }
        }
        throw new AssertionError("no row for " + username);
    }

    private void openEditOf(String username) {
        @SuppressWarnings("unchecked")
        Grid<UserAdminService.UserSummary> grid = $(Grid.class).single();
        var tester = test(grid);
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getRow(row).username().equals(username)) {
                Component actions = tester.getCellComponent(row, 4);
                actions.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                        .filter(button -> button.getText().equals("Edit")).findFirst().map(this::test).orElseThrow().click();
                return;
            }
        }
        throw new AssertionError("no row for " + username);
    }
}
