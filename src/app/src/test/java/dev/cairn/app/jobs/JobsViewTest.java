package dev.cairn.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import dev.cairn.app.support.Actors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The Jobs page polls while it is shown, with one listener however often it is opened, and none after. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:jobsview;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class JobsViewTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;

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
}
