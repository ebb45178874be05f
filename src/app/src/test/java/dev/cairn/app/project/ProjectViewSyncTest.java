package dev.cairn.app.project;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Sync with MLflow now" starts a job, so everyone who may start jobs sees it (the admin guide's
 * role table says members may), also when no record is waiting; viewers do not.
 */
@AppTest
class ProjectViewSyncTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void everyoneWhoMayStartJobsSeesSyncNowAndViewersDoNot() {
        var project = world.projectOf("acme").id();
        // Everything delivered: nothing is waiting, and the button must still be there.
        dev.cairn.app.tenancy.TenantScope.runAsPlatform(() -> dsl.update(dev.cairn.app.db.Tables.TRACKING_OUTBOX)
                .set(dev.cairn.app.db.Tables.TRACKING_OUTBOX.STATUS, "SENT")
                .where(dev.cairn.app.db.Tables.TRACKING_OUTBOX.PROJECT_ID.eq(project)).execute());
        String url = "project/" + project;
        for (String user : new String[] {"acme-admin", "acme-pm", "acme-member", "acme-viewer"}) {
            UI.getCurrent().navigate("login");
            new Actors(dsl).signIn(user);
            UI.getCurrent().navigate(url);
            assertThat(getCurrentView()).as(user).isInstanceOf(ProjectView.class);
            boolean shown = $(Button.class).all().stream()
                    .anyMatch(button -> "Sync with MLflow now".equals(button.getText()) && button.isVisible());
            assertThat(shown).as(user + " sees 'Sync with MLflow now'").isEqualTo(!user.equals("acme-viewer"));
        }
    }
}
