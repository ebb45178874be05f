package dev.cairn.app.jobs;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import dev.cairn.app.support.Actors;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Jobs page polls while it is shown, with one listener however often it is opened, and none
 * after; its table gives the room to the job and its message; the tenant admin sets the tenant's
 * limit there, with errors on the field.
 */
@AppTest
class JobsViewTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    JobService jobs;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void openingTheJobsPageTwiceLeavesOnePollListenerAndLeavingItRemovesIt() {
        new Actors(dsl).signIn("acme-member");
        UI ui = UI.getCurrent();
        for (int visit = 0; visit < 2; visit++) {
            ui.navigate(JobsView.class);
            assertThat(getCurrentView()).isInstanceOf(JobsView.class);
            assertThat(ComponentUtil.getListeners(ui, PollEvent.class)).hasSize(1);
            assertThat(ui.getPollInterval()).isPositive();
            ui.navigate("");
            assertThat(ComponentUtil.getListeners(ui, PollEvent.class)).isEmpty();
            assertThat(ui.getPollInterval()).isNegative();
        }
    }

    @Test
    void theTableLetsTheJobAndItsMessageGrowAndWrapsLongTextInsteadOfCuttingItOff() {
        new Actors(dsl).signIn("acme-member");
        JobsView view = navigate(JobsView.class);
        var columns = view.grid().getColumns();
        assertThat(columns).extracting(c -> c.getHeaderText()).containsExactly("Job", "Status", "Progress", "Message", "Started by",
                "Created (UTC)", "");
        assertThat(columns).filteredOn(c -> c.getFlexGrow() > 0).extracting(c -> c.getHeaderText()).containsExactly("Job", "Message");
        assertThat(columns).filteredOn(c -> c.getFlexGrow() == 0).allSatisfy(c -> assertThat(c.isAutoWidth()).isTrue());
        assertThat(view.grid().getThemeNames()).contains("wrap-cell-content");
    }

    @Test
    void aMemberSeesNoLimitForm() {
        new Actors(dsl).signIn("acme-member");
        JobsView view = navigate(JobsView.class);
        assertThat(view.getChildren().filter(JobLimitForm.class::isInstance)).isEmpty();
    }

    @Test
    void theTenantAdminSetsTheLimitAndAnOutOfRangeNumberIsRefusedOnTheFieldWithNothingSaved() {
        new Actors(dsl).signIn("acme-admin");
        JobsView view = navigate(JobsView.class);
        JobLimitForm form = (JobLimitForm) view.getChildren().filter(JobLimitForm.class::isInstance).findFirst().orElseThrow();
        int before = jobs.tenantLimit();
        int max = jobs.maxTenantLimit();

        for (int wrong : List.of(0, max + 1)) {
            test(form.field()).setValue(wrong);
            test(form.getChildren().filter(com.vaadin.flow.component.button.Button.class::isInstance)
                    .map(com.vaadin.flow.component.button.Button.class::cast).findFirst().orElseThrow()).click();
            assertThat(form.field().isInvalid()).isTrue();
            assertThat(form.field().getErrorMessage()).isEqualTo("Enter a number between 1 and " + max);
            assertThat(jobs.tenantLimit()).isEqualTo(before);
        }

        test(form.field()).setValue(1);
        test(form.getChildren().filter(com.vaadin.flow.component.button.Button.class::isInstance)
                .map(com.vaadin.flow.component.button.Button.class::cast).findFirst().orElseThrow()).click();
        assertThat(form.field().isInvalid()).isFalse();
        assertThat(jobs.tenantLimit()).isEqualTo(1);
        jobs.setTenantLimit(before);
    }

    @Test
    void theServiceRefusesALimitOutOfRangeAndAMembersLimit() {
        new Actors(dsl).signIn("acme-admin");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.setTenantLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and");
        new Actors(dsl).signIn("acme-member");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.setTenantLimit(2))
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class);
    }

    @Test
    void ordinalsReadAsEnglish() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)).extracting(JobsView::ordinal)
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th");
    }

    @Test
    void theQueueShowsEachWaitingJobsPlaceWhoStartedItAndHowManyRunOfHowManyAllowed() {
        Actors actors = new Actors(dsl);
        actors.signIn("globex-member");
        java.util.UUID first = jobs.submit("test.tenant-probe", "first in line", null, null);
        java.util.UUID second = jobs.submit("test.tenant-probe", "second in line", null, null);
        try {
            JobsView view = navigate(JobsView.class);
            var grid = test(view.grid());
            java.util.Map<String, String> statusByTitle = new java.util.HashMap<>();
            java.util.Map<String, String> starterByTitle = new java.util.HashMap<>();
            for (int row = 0; row < grid.size(); row++) {
                statusByTitle.put(grid.getCellText(row, 0), grid.getCellText(row, 1));
                starterByTitle.put(grid.getCellText(row, 0), grid.getCellText(row, 4));
            }
            assertThat(statusByTitle).containsEntry("first in line", "Queued, 1st in line").containsEntry("second in line", "Queued, 2nd in line");
            assertThat(starterByTitle).containsEntry("first in line", "globex-member");
            assertThat(view.summaryText()).isEqualTo("0 of " + jobs.tenantLimit() + " jobs at once running; 2 waiting for a free worker.");
        } finally {
            jobs.cancel(first);
            jobs.cancel(second);
        }
    }
}
