package dev.cairn.app.shell;

import dev.cairn.app.plugins.PluginRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.app.project.ProjectView;
import com.example.cairn.notes.NotesPermissions;
import com.example.cairn.notes.NotesPlugin;
import com.example.cairn.notes.NotesService;
import com.example.cairn.notes.NotesView;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A plugin outside dev.cairn works: found by its auto-configuration, its page in the project's
 * navigation, its permission enforced, its lineage type accepted and its gate on the project page.
 */
@SpringBootTest(classes = dev.cairn.app.CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:thirdparty;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class ThirdPartyPluginTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    PluginRegistry plugins;
    @Autowired
    NotesService notes;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void thePluginIsRegisteredThoughItsPackageIsNotCairns() {
        assertThat(plugins.byId("example")).get().isInstanceOf(NotesPlugin.class);
        assertThat(plugins.permissions()).contains(NotesPermissions.READ, NotesPermissions.WRITE);
        assertThat(plugins.isDeclaredLineageType("example.note")).isTrue();
    }

    @Test
    void aMemberFindsThePageInTheShellWritesANoteAndTheGatePasses() {
        var project = world.projectOf("acme");
        new Actors(dsl).signIn("acme-member");
        UI.getCurrent().navigate("project/" + project.id());
        assertThat(getCurrentView()).isInstanceOf(ProjectView.class);
        assertThat(gate()).isEqualTo("○ An example note is written");
        assertThat($(SideNavItem.class).all()).anyMatch(item -> "Deployment: Example notes".equals(item.getLabel())
                && ("example/notes/" + project.id()).equals(item.getPath()));

        UI.getCurrent().navigate("example/notes/" + project.id());
        assertThat(getCurrentView()).isInstanceOf(NotesView.class);
        test($(TextField.class).withCaption("Note").single()).setValue("Shadow traffic first");
        test($(Button.class).withText("Write note").single()).click();

        UI.getCurrent().navigate("project/" + project.id());
        assertThat(gate()).isEqualTo("✔ An example note is written");
    }

    @Test
    void aViewerReadsButMayNotWriteAndThePlatformAdminDoesNotGetIn() {
        var project = world.projectOf("acme");
        new Actors(dsl).signIn("acme-viewer");
        UI.getCurrent().navigate("example/notes/" + project.id());
        assertThat(getCurrentView()).isInstanceOf(NotesView.class);
        assertThat($(Button.class).withText("Write note").exists()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Actors(dsl).as("acme-viewer",
                () -> notes.write(project.id(), "not theirs to write")))
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class).hasMessageContaining("write example notes");

        UI.getCurrent().navigate("login");
        new Actors(dsl).signIn("platform");
        UI.getCurrent().navigate("example/notes/" + project.id());
        assertThat(getCurrentView()).isNotInstanceOf(NotesView.class);
    }

    private String gate() {
        return $(Span.class).all().stream().map(Span::getText).filter(text -> text.endsWith("An example note is written"))
                .findFirst().orElse("(no gate)");
    }
}
