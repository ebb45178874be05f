package dev.cairn.plugin.data.labels;

import dev.cairn.plugin.data.DataIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Label agreement over an uploaded version on the platform with the data plugin alone (H2 and
 * PostgreSQL): read from the version's file in the file store as its import read it, a viewer may
 * compute it and export the disagreeing rows, another tenant's version is not found.
 */
@DataIntegrationTest
class LabelAgreementsIT {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    LabelAgreements agreements;
    @Autowired
    HumanLevelFigureStore figures;
    @Autowired
    dev.cairn.api.data.HumanLevelFigures offered;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private record Stored(ProjectRef project, UUID version) {
    }

    private Stored upload(String csv, FormatOverrides format) {
        String key = "LAB" + KEYS.incrementAndGet();
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project.id(), "reviews", null, "")).getId();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        UUID version = actors().as("acme-member", () -> versions.upload(project.id(), dataset, new NewFile("reviews.csv", "text/csv",
                bytes.length), new ByteArrayInputStream(bytes), format, Provenance.NONE)).version().getId();
        return new Stored(project, version);
    }

    /** The two-labeller rows of LabelAgreementTest (kappa 0.5657894736842104 by scikit-learn), semicolon-separated, with an id. */
    private static String reviews(int salt) {
        String[] a = {"cat", "cat", "dog", "bird", "dog", "cat", "dog", "bird", "cat", "dog", "dog", "cat"};
        String[] b = {"cat", "dog", "dog", "bird", "dog", "cat", "", "cat", "cat", "dog", "bird", "=cmd"};
        StringBuilder csv = new StringBuilder("id;ann;bob\n");
        for (int i = 0; i < a.length; i++) {
            csv.append(i == 0 ? "r" + salt : "r" + (101 + i)).append(';').append(a[i]).append(';').append(b[i]).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aViewerGetsTheAgreementOfAStoredVersionReadAsItsImportReadIt() {
        Stored stored = upload(reviews(KEYS.get()), new FormatOverrides(';', '"', true, null, null));

        AgreementReport report = actors().as("acme-viewer", () -> agreements.agreement(stored.project().id(), stored.version(),
                new LabelColumns(List.of("ann", "bob"), "id")));

        // As LabelAgreementTest's two labellers but the last row's "cat" is "=cmd": one more disagreement, kappa recomputed
        // by scikit-learn over the 11 complete rows: cohen_kappa_score(a, b) = 0.45679012345679015.
        assertThat(report.rows()).isEqualTo(12);
        assertThat(report.complete()).isEqualTo(11);
        assertThat(report.kappa().value()).isCloseTo(0.45679012345679015, within(1e-12));
        assertThat(report.disagreements()).extracting(Disagreement::key).containsExactly("r102", "r108", "r111", "r112");
    }

    @Test
    void theDisagreeingRowsAreExportedAsCsvWithFormulasNeutralised() {
        Stored stored = upload(reviews(KEYS.get()), new FormatOverrides(';', '"', true, null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = actors().as("acme-viewer", () -> agreements.exportDisagreements(stored.project().id(), stored.version(),
                new LabelColumns(List.of("ann", "bob"), "id"), out));

        assertThat(written).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("row,id,ann,bob\r\n2,r102,cat,dog\r\n8,r108,bird,cat\r\n"
                + "11,r111,dog,bird\r\n12,r112,cat,'=cmd\r\n");
    }

    @Test
    void anotherTenantsVersionIsNotFoundAndAnUnknownColumnIsNamed() {
        Stored stored = upload(reviews(KEYS.get()), new FormatOverrides(';', '"', true, null, null));
        LabelColumns columns = new LabelColumns(List.of("ann", "bob"));

        assertThatThrownBy(() -> actors().as("globex-admin", () -> agreements.agreement(stored.project().id(), stored.version(), columns)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> agreements.exportDisagreements(stored.project().id(), stored.version(),
                columns, new ByteArrayOutputStream()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> agreements.agreement(stored.project().id(), stored.version(),
                new LabelColumns(List.of("ann", "carol"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Label column: the version has no column 'carol' (its columns: id, ann, bob).");
    }

    @Test
    void aDeletedVersionSaysItsRowsAreGone() {
        Stored stored = upload(reviews(KEYS.get()), new FormatOverrides(';', '"', true, null, null));
        actors().as("acme-pm", () -> versions.delete(stored.project().id(), stored.version(), "privacy request 18"));

        assertThatThrownBy(() -> actors().as("acme-viewer", () -> agreements.agreement(stored.project().id(), stored.version(),
                new LabelColumns(List.of("ann", "bob"))))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Version 1 was deleted: its rows are gone.");
    }

    @Test
    void aMemberKeepsTheAgreementAsAHumanLevelFigureThatCairnApiOffersAndDeletesIt() {
        Stored stored = upload(reviews(KEYS.get()), new FormatOverrides(';', '"', true, null, null));
        LabelColumns columns = new LabelColumns(List.of("ann", "bob"), "id");

        var kept = actors().as("acme-member", () -> figures.record(stored.project().id(), stored.version(), columns));

        // 11 complete rows, 7 with the same label (LabelAgreementTest's rows, one "cat" turned "=cmd").
        assertThat(kept.figure().value()).isCloseTo(7.0 / 11, within(1e-12));
        assertThat(kept.figure().examples()).isEqualTo(11);
        assertThat(kept.figure().metric()).isEqualTo("accuracy");
        assertThat(kept.kappa()).isCloseTo(0.45679012345679015, within(1e-12));
        assertThat(kept.figure().method()).isEqualTo("Agreement of the labellers ann, bob on reviews version 1 (11 rows labelled by all;"
                + " Cohen's kappa 0.457)");
        var seen = actors().as("acme-viewer", () -> offered.figures(stored.project().id()));
        assertThat(seen).extracting(dev.cairn.api.data.HumanLevelFigure::id).containsExactly(kept.figure().id());
        // Another tenant sees none of it and cannot delete it.
        assertThat(actors().as("globex-admin", () -> offered.figures(stored.project().id()))).isEmpty();
        assertThatThrownBy(() -> actors().as("globex-admin", () -> {
            figures.delete(stored.project().id(), kept.figure().id());
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> figures.record(stored.project().id(), stored.version(), columns)))
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class);

        actors().as("acme-member", () -> {
            figures.delete(stored.project().id(), kept.figure().id());
            return null;
        });
        assertThat(actors().as("acme-viewer", () -> offered.figures(stored.project().id()))).isEmpty();
    }

    @Test
    void aVersionWithoutACompleteRowGivesNoFigureAndAForeignVersionIsNotFound() {
        Stored stored = upload("id,ann,bob\n1,cat,\n2,,dog\n", FormatOverrides.NONE);
        LabelColumns columns = new LabelColumns(List.of("ann", "bob"));

        assertThatThrownBy(() -> actors().as("acme-member", () -> figures.record(stored.project().id(), stored.version(), columns)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Label columns: no row has a label from every labeller, so there is no agreement to keep.");
        assertThatThrownBy(() -> actors().as("globex-admin", () -> figures.record(stored.project().id(), stored.version(), columns)))
                .isInstanceOf(NotFoundException.class);
        assertThat(actors().as("acme-viewer", () -> offered.figures(stored.project().id()))).isEmpty();
    }
}
