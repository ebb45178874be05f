package dev.cairn.app.audit;

import dev.cairn.app.testing.AppTest;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.app.audit.TenantChoice.OneTenant;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log page without a browser: who sees what, the filter, paging in the database, and the CSV export. */
@AppTest
class AuditLogViewTest extends SpringBrowserlessTest {

    /** Acme's paging entries, one an hour from here (five days); Globex gets a few of its own. */
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int ACME_PAGING_ENTRIES = 120;

    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    JooqAuditLog writer;
    @Autowired
    AuditLogService audit;

    private UUID acme;
    private UUID globex;

    @BeforeEach
    void entries() {
        acme = world.tenantId("acme");
        globex = world.tenantId("globex");
        if (dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("test.page")) > 0) {
            return;
        }
        for (int i = 0; i < ACME_PAGING_ENTRIES; i++) {
            insert(acme, START.plus(i, ChronoUnit.HOURS), "pager-" + i, "item-" + i);
        }
        for (int i = 0; i < 5; i++) {
            insert(globex, START.plus(i, ChronoUnit.HOURS), "globex-pager-" + i, "globex-item-" + i);
        }
        writer.write(acme, "+acme-formula", "test.formula", "=HYPERLINK(\"http://evil.example\",\"click\")", Outcome.SUCCESS, "@SUM(A1:A9)");
        writer.write(acme, "zoë", "test.formula", "-2+3", Outcome.FAILURE, "a comma, a \"quote\" and Zoë");
        writer.write(null, "nobody-known", "login", "10.9.9.9", Outcome.FAILURE, "bad credentials");
    }

    /** Entries at a chosen time: the real writer always stamps "now". */
    private void insert(UUID tenant, Instant at, String actor, String target) {
        dsl.insertInto(AUDIT_ENTRY).set(AUDIT_ENTRY.ID, UUID.randomUUID()).set(AUDIT_ENTRY.TENANT_ID, tenant)
                .set(AUDIT_ENTRY.AT, at.atOffset(ZoneOffset.UTC)).set(AUDIT_ENTRY.ACTOR, actor).set(AUDIT_ENTRY.ACTION, "test.page")
                .set(AUDIT_ENTRY.TARGET, target).set(AUDIT_ENTRY.OUTCOME, "SUCCESS").execute();
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private AuditLogView open(String username) {
        new Actors(dsl).signIn(username);
        UI.getCurrent().navigate("admin/audit");
        assertThat(getCurrentView()).isInstanceOf(AuditLogView.class);
        return (AuditLogView) getCurrentView();
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> grid() {
        return $(Grid.class).single();
    }

    private AuditFilterForm form() {
        return $(AuditFilterForm.class).single();
    }

    private int stored(org.jooq.Condition where) {
        return dsl.fetchCount(AUDIT_ENTRY, where);
    }

    @Test
    void aTenantAdminSeesTheirTenantsEntriesOnlyAndNoTenantColumn() {
        open("acme-admin");
        int acmeEntries = stored(AUDIT_ENTRY.TENANT_ID.eq(acme));

        assertThat(test(grid()).size()).isEqualTo(acmeEntries).isLessThan(stored(org.jooq.impl.DSL.noCondition()));
        assertThat(grid().getColumns().stream().map(column -> column.getHeaderText())).doesNotContain("Tenant");
        assertThat(form().tenant.isVisible()).isFalse();
        test(form().actor).setValue("globex");
        assertThat(test(grid()).size()).as("Globex's entries exist but are not Acme's to see").isZero();
    }

    @Test
    void aTenantAdminsFilterNamingAnotherTenantStillShowsOnlyTheirOwn() {
        new Actors(dsl).signIn("acme-admin");
        AuditFilter globexOnly = new AuditFilter(new OneTenant(globex, "globex"), null, "test.page", null, null, null);

        assertThat(audit.count(globexOnly)).isEqualTo(ACME_PAGING_ENTRIES);
        assertThat(audit.page(globexOnly, 0, 200)).extracting(AuditEntry::tenantId).containsOnly(acme);
        assertThat(audit.tenantChoices()).isEmpty();
    }

    @Test
    void thePlatformAdminSeesEveryTenantWithATenantColumnAndFiltersByTenant() {
        open("platform");
        assertThat(test(grid()).size()).isEqualTo(stored(org.jooq.impl.DSL.noCondition()));
        assertThat(form().tenant.isVisible()).isTrue();

        test(form().tenant).selectItem("globex");
        test(form().action).selectItem("test.page");

        assertThat(test(grid()).size()).isEqualTo(5);
        int tenantColumn = test(grid()).getColumnPosition("tenant");
        assertThat(test(grid()).getCellText(0, tenantColumn)).isEqualTo("globex");
        assertThat(test(grid()).getCellText(0, test(grid()).getColumnPosition("actor"))).isEqualTo("globex-pager-4");

        test(form().tenant).selectItem("Platform (no tenant)");
        assertThat(test(grid()).size()).isZero();
        form().action.clear();
        assertThat(test(grid()).size()).isEqualTo(stored(AUDIT_ENTRY.TENANT_ID.isNull())).isPositive();
    }

    @Test
    void actorActionTargetAndTimeRangeNarrowTheEntries() {
        open("acme-admin");
        test(form().action).selectItem("test.page");
        assertThat(test(grid()).size()).isEqualTo(ACME_PAGING_ENTRIES);

        test(form().actor).setValue("PAGER-11");
        assertThat(test(grid()).size()).as("pager-11 and pager-110..119, ignoring case").isEqualTo(11);
        test(form().target).setValue("item-115");
        assertThat(test(grid()).size()).isEqualTo(1);
        test(form().actor).clear();
        test(form().target).clear();

        test(form().from).setValue("2025-01-02");
        test(form().to).setValue("2025-01-03");
        assertThat(test(grid()).size()).as("2 and 3 January, whole UTC days").isEqualTo(48);
        assertThat(test(grid()).getCellText(0, test(grid()).getColumnPosition("time"))).isEqualTo("2025-01-03 23:00:00");
        assertThat(test(grid()).getCellText(47, test(grid()).getColumnPosition("time"))).isEqualTo("2025-01-02 00:00:00");

        test(form().from).setValue("2025-01-02 06:00");
        test(form().to).setValue("2025-01-02 12:00");
        assertThat(test(grid()).size()).as("06:00 included to 12:00 excluded, UTC").isEqualTo(6);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedOnTheFieldAndTheEntriesStay() {
        open("acme-admin");
        test(form().action).selectItem("test.page");
        test(form().to).setValue("2025-01-02");
        assertThat(test(grid()).size()).isEqualTo(48);

        test(form().from).setValue("2025-01-03");

        assertThat(form().to.isInvalid()).isTrue();
        assertThat(form().to.getErrorMessage()).isEqualTo("The end must be after the start");
        assertThat(test(grid()).size()).as("the last valid filter still applies").isEqualTo(48);

        test(form().from).setValue("31.01.2025");
        assertThat(form().from.isInvalid()).isTrue();
        assertThat(form().from.getErrorMessage()).isEqualTo("'31.01.2025' is not a UTC date or time (e.g. 2025-01-31 or 2025-01-31 14:00)");
        assertThat(test(grid()).size()).isEqualTo(48);
    }

    @Test
    void theGridPagesInTheDatabaseNewestFirst() {
        open("acme-admin");
        test(form().action).selectItem("test.page");

        assertThat(grid().getDataProvider().isInMemory()).as("a lazy data provider, not a loaded list").isFalse();
        int actor = test(grid()).getColumnPosition("actor");
        assertThat(test(grid()).getCellText(0, actor)).isEqualTo("pager-119");
        assertThat(test(grid()).getCellText(110, actor)).as("a row far beyond the first page").isEqualTo("pager-9");

        AuditFilter paging = new AuditFilter(null, null, "test.page", null, null, null);
        List<AuditEntry> first = audit.page(paging, 0, 50);
        List<AuditEntry> last = audit.page(paging, 100, 50);
        assertThat(first).hasSize(50).extracting(AuditEntry::actor).startsWith("pager-119", "pager-118");
        assertThat(last).hasSize(20).extracting(AuditEntry::actor).endsWith("pager-1", "pager-0");
        assertThatThrownBy(() -> audit.page(paging, 0, AuditLogService.MAX_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCsvExportHoldsTheFilteredEntriesWithAHeaderInUtf8AndNoFormulas() throws Exception {
        open("acme-admin");
        test(form().action).selectItem("test.formula");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        org.jooq.Condition exportsByAcmeAdmin = AUDIT_ENTRY.ACTION.eq("audit.export").and(AUDIT_ENTRY.ACTOR.eq("acme-admin"))
                .and(AUDIT_ENTRY.TENANT_ID.eq(acme));
        int exportsBefore = stored(exportsByAcmeAdmin);

        test($view(Button.class).withText("Export CSV").single()).click();
        test($(Anchor.class).id("export-audit-csv")).download(file);

        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(file.toString(StandardCharsets.UTF_8)).stream().toList();
        assertThat(rows.getFirst().getFields()).containsExactly("time_utc", "actor", "action", "target", "outcome", "detail");
        assertThat(rows).hasSize(3);
        // Both were written "now": find them by actor rather than by order.
        CsvRecord zoe = rows.stream().filter(r -> r.getField(1).equals("zoë")).findFirst().orElseThrow();
        CsvRecord formula = rows.stream().filter(r -> r.getField(1).equals("'+acme-formula")).findFirst().orElseThrow();
        assertThat(zoe.getFields()).containsExactly(zoe.getField(0), "zoë", "test.formula", "'-2+3", "FAILURE", "a comma, a \"quote\" and Zoë");
        assertThat(Instant.parse(zoe.getField(0))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        assertThat(formula.getFields()).containsExactly(formula.getField(0), "'+acme-formula", "test.formula",
                "'=HYPERLINK(\"http://evil.example\",\"click\")", "SUCCESS", "'@SUM(A1:A9)");
        assertThat(stored(exportsByAcmeAdmin)).as("the export is audited").isEqualTo(exportsBefore + 1);
    }

    @Test
    void theExportHoldsTheFilterShownWhenTheButtonWasClickedNotOneChangedLater() throws Exception {
        open("acme-admin");
        test(form().action).selectItem("test.formula");
        test($view(Button.class).withText("Export CSV").single()).click();
        test(form().action).selectItem("test.page");
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        test($(Anchor.class).id("export-audit-csv")).download(file);

        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(file.toString(StandardCharsets.UTF_8)).stream().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).extracting(r -> r.getField(2)).containsOnly("test.formula");
    }

    @Test
    void thePlatformAdminsExportHasATenantColumn() throws Exception {
        open("platform");
        test(form().action).selectItem("test.page");
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        test($view(Button.class).withText("Export CSV").single()).click();
        test($(Anchor.class).id("export-audit-csv")).download(file);

        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(file.toString(StandardCharsets.UTF_8)).stream().toList();
        assertThat(rows.getFirst().getFields()).containsExactly("time_utc", "tenant", "actor", "action", "target", "outcome", "detail");
        assertThat(rows).hasSize(1 + ACME_PAGING_ENTRIES + 5);
        assertThat(rows.stream().skip(1).map(r -> r.getField(1)).distinct()).containsExactlyInAnyOrder("acme", "globex");
    }

    @Test
    void entriesCannotBeEditedFromTheViewOrThroughTheServices() {
        open("platform");
        assertThat($view(Button.class).all()).as("no editing control on the page").extracting(Button::getText).containsExactly("Export CSV");
        assertThat(grid().getEditor().getBinder()).as("no grid editor").isNull();
        assertThat(publicMethods(AuditLogService.class)).containsExactlyInAnyOrder("seesAllTenants", "count", "page", "actions",
                "tenantChoices", "exportCsv");
        assertThat(publicMethods(JooqAuditLog.class)).as("the writer only appends").containsExactlyInAnyOrder("record", "write");
    }

    @Test
    void usersWhoAreNotAdminsCannotReadTheLogThroughTheService() {
        for (String username : List.of("acme-pm", "acme-member", "acme-viewer")) {
            new Actors(dsl).run(username, () -> assertThatThrownBy(() -> audit.count(AuditFilter.everything()))
                    .as(username).isInstanceOf(AccessDeniedException.class));
        }
        assertThatThrownBy(() -> audit.page(AuditFilter.everything(), 0, 10)).as("nobody signed in").isInstanceOf(AccessDeniedException.class);
    }

    private static List<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).filter(m -> !m.isSynthetic())
                .map(Method::getName).toList();
    }
}
