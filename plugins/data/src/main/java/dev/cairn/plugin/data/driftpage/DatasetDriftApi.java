package dev.cairn.plugin.data.driftpage;

import dev.cairn.api.data.drift.DriftMeasurement;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.OverlaidHistogram;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drift between two versions through the REST API (docs/api.md): the report the drift page shows, as
 * JSON. Without {@code reference} and {@code current} it compares the previous version with the
 * newest. 404 for another tenant's project key, a dataset name or a version number that is not
 * there; 409 when a version was deleted or is not profiled yet, or fewer than two versions exist.
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{key}/datasets/{name}/drift", produces = "application/json")
@PermitAll // any valid API token; the endpoint checks data.read
class DatasetDriftApi {

    private final ProjectDirectory projects;
    private final DatasetService datasets;
    private final DatasetDrift drift;
    private final PermissionCheck permissions;

    DatasetDriftApi(ProjectDirectory projects, DatasetService datasets, DatasetDrift drift, PermissionCheck permissions) {
        this.projects = projects;
        this.datasets = datasets;
        this.drift = drift;
        this.permissions = permissions;
    }

    record Report(String dataset, int reference, int current, int compared, int drifted, double driftedShare,
                  double driftShareThreshold, boolean datasetDrifted, List<Feature> features) {
        static Report of(VersionDrift result) {
            var report = result.report();
            return new Report(result.dataset(), result.reference(), result.current(), report.compared(), report.drifted(),
                    report.driftedShare(), report.driftShareThreshold(), report.datasetDrifted(),
                    report.features().stream().map(Feature::of).toList());
        }
    }

    record Feature(String feature, String kind, boolean compared, String notCompared, String method, String why,
                   boolean overridden, Double value, Double threshold, boolean drifted, List<Measurement> measurements,
                   List<Bin> histogram) {
        static Feature of(FeatureDrift f) {
            DriftMeasurement verdict = f.verdict();
            return new Feature(f.feature(), f.kind() == null ? null : f.kind().name(), f.compared(), f.notCompared(),
                    verdict == null ? null : verdict.method().name(), f.compared() ? DriftText.why(f) : null, f.overridden(),
                    verdict == null ? null : verdict.value(), verdict == null ? null : verdict.threshold(), f.drifted(),
                    f.measurements().stream().map(Measurement::of).toList(),
                    f.histogram() == null ? List.of() : f.histogram().bins().stream().map(Bin::of).toList());
        }
    }

    record Measurement(String method, String label, double value, double threshold, boolean drifted, String basis,
                       String detail) {
        static Measurement of(DriftMeasurement m) {
            return new Measurement(m.method().name(), m.method().label(), m.value(), m.threshold(), m.drifted(),
                    m.basis().name(), m.detail());
        }
    }

    record Bin(String label, Double low, Double high, double reference, double current) {
        static Bin of(OverlaidHistogram.Bin bin) {
            return new Bin(bin.label(), bin.low(), bin.high(), bin.referenceShare(), bin.currentShare());
        }
    }

    @GetMapping
    Report drift(@PathVariable String key, @PathVariable String name, @RequestParam(required = false) Integer reference,
                 @RequestParam(required = false) Integer current) {
        permissions.require(DataPermissions.READ);
        ProjectRef project = projects.all().stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("Project " + key));
        DatasetRecord dataset = datasets.findByName(project.id(), name);
        if (reference == null || current == null) {
            var pair = drift.defaultPair(project.id(), dataset.getId()).orElseThrow(() -> new DriftUnavailableException(
                    "Dataset " + dataset.getName() + " has fewer than two versions: upload a second version to compare."));
            reference = reference == null ? pair.reference() : reference;
            current = current == null ? pair.current() : current;
        }
        return Report.of(drift.compare(project.id(), dataset.getId(), reference, current));
    }

    @ExceptionHandler(DriftUnavailableException.class)
    ProblemDetail unavailable(DriftUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("These versions cannot be compared");
        return problem;
    }
}
