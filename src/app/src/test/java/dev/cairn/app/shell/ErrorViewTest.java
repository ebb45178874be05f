package dev.cairn.app.shell;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import dev.cairn.app.support.Actors;
import jakarta.annotation.security.PermitAll;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SECURITY.md item 24: a page whose service fails shows Cairn's error view with a reference id and
 * nothing of the exception; the log holds the same id with the exception.
 */
@AppTest
class ErrorViewTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger referenceLogger = (Logger) LoggerFactory.getLogger(ErrorReference.class);

    @BeforeEach
    void captureLog() {
        log.start();
        referenceLogger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        referenceLogger.detachAppender(log);
        Actors.signOut();
    }

    /** A service that fails the way a database driver does, with a secret in its message. */
    static final class FailingReportService {
        String load() {
            throw new RuntimeException(new SQLException("secret: password=hunter2 at jdbc:postgresql://db/cairn"));
        }
    }

    @PermitAll
    public static class ReportViewForTest extends VerticalLayout {
        public ReportViewForTest() {
            add(new Paragraph(new FailingReportService().load()));
        }
    }

    @Test
    void aFailingServiceShowsOnlyAReferenceThatTheLogHoldsWithTheException() {
        new Actors(dsl).signIn("acme-member");
        RouteConfiguration.forSessionScope().setRoute("failing-report", ReportViewForTest.class);

        UI.getCurrent().navigate("failing-report");

        assertThat(getCurrentView()).isInstanceOf(ErrorView.class);
        String page = ((Component) getCurrentView()).getElement().getTextRecursively();
        assertThat(page).contains("Something went wrong").doesNotContain("secret").doesNotContain("hunter2")
                .doesNotContain("SQLException").doesNotContain("RuntimeException").doesNotContain("jdbc");
        String reference = $(Paragraph.class).id("error-reference").getText();
        assertThat(reference).matches("ERR-[0-9a-f]{12}");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(reference);
            assertThat(causeMessages(event.getThrowableProxy())).contains("secret");
        });
    }

    @Test
    void aFailingUiActionShowsOnlyAReferenceThatTheLogHoldsWithTheException() {
        new Actors(dsl).signIn("acme-member");
        UI.getCurrent().navigate("");
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(
                new RuntimeException(new SQLException("secret: password=hunter2"))));

        String shown = test($(Notification.class).last()).getText();
        assertThat(shown).contains("Something went wrong").doesNotContain("secret").doesNotContain("hunter2")
                .doesNotContain("SQLException");
        String reference = shown.replaceAll("(?s).*(ERR-[0-9a-f]{12}).*", "$1");
        assertThat(reference).matches("ERR-[0-9a-f]{12}");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(reference);
            assertThat(causeMessages(event.getThrowableProxy())).contains("secret");
        });
    }

    private static String causeMessages(ch.qos.logback.classic.spi.IThrowableProxy proxy) {
        StringBuilder messages = new StringBuilder();
        for (var at = proxy; at != null; at = at.getCause()) {
            messages.append(at.getClassName()).append(": ").append(at.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
