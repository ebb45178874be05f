package dev.cairn.app.api;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.app.support.Actors;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The token page: the empty state says what a token is for; a missing name is an error on the
 * field and creates nothing; a created token's secret is shown once and listed only by its hint;
 * revoking asks first.
 */
@AppTest
class ApiTokensViewTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ApiTokenService tokens;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private Button button(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).reduce((a, b) -> b).orElseThrow();
    }

    private TextField field(String label) {
        return $(TextField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst().orElseThrow();
    }

    @Test
    void aTokenIsCreatedWithErrorsOnTheFieldShownOnceAndRevokedAfterAConfirmation() {
        new Actors(dsl).signIn("globex-viewer");
        navigate(ApiTokensView.class);
        assertThat($(Paragraph.class).all().stream().map(Paragraph::getText))
                .anyMatch(text -> text.contains("You have no API tokens yet") && text.contains("REST API"));

        test(button("New token")).click();
        test(button("Create token")).click();
        assertThat(field("Name").isInvalid()).isTrue();
        assertThat(field("Name").getErrorMessage()).contains("Name is required");
        assertThat(new Actors(dsl).as("globex-viewer", () -> tokens.mine())).as("nothing created").isEmpty();

        test(field("Name")).setValue("nightly export");
        test(button("Create token")).click();
        String secret = field("Your new token").getValue();
        assertThat(secret).startsWith("cairn_pat_");
        test(button("Done")).click();

        @SuppressWarnings("unchecked")
        Grid<ApiTokenService.TokenView> grid = $(Grid.class).first();
        assertThat(test(grid).size()).isEqualTo(1);
        List<ApiTokenService.TokenView> listed = new Actors(dsl).as("globex-viewer", () -> tokens.mine());
        assertThat(listed).singleElement().satisfies(token -> {
            assertThat(token.name()).isEqualTo("nightly export");
            assertThat(token.scope()).isEqualTo("Viewer");
            assertThat(secret).startsWith(token.hint().replace("…", ""));
            assertThat(token.hint()).isNotEqualTo(secret);
        });
        assertThat(grid.getElement().getTextRecursively()).doesNotContain(secret);

        test((Button) test(grid).getCellComponent(0, "status")).click();
        assertThat(new Actors(dsl).as("globex-viewer", () -> tokens.mine()).getFirst().revokedAt()).as("not before confirming").isNull();
        test(button("Revoke")).click();
        assertThat(new Actors(dsl).as("globex-viewer", () -> tokens.mine()).getFirst().revokedAt()).isNotNull();
    }
}
