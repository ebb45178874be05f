package dev.cairn.plugin.scoping.feasibility;

import static dev.cairn.plugin.scoping.db.Tables.FEASIBILITY;

import dev.cairn.api.data.HumanLevelFigure;
import dev.cairn.api.data.HumanLevelFigures;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.plugin.scoping.db.tables.records.FeasibilityRecord;
import dev.cairn.plugin.scoping.document.ScopingParts;
import dev.cairn.plugin.scoping.document.VersionedPart;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Diligence on feasibility: the answers, and the rating computed from them. */
@Service
public class FeasibilityService {

    static final VersionedPart<FeasibilityRecord> PART = new VersionedPart<>("feasibility", "feasibility answers", FEASIBILITY, FEASIBILITY.ID,
            FEASIBILITY.PROJECT_ID, FEASIBILITY.VERSION, FEASIBILITY.UPDATED_BY, FEASIBILITY.UPDATED_AT);

    private final ScopingParts parts;
    private final ObjectProvider<HumanLevelFigures> measured;

    FeasibilityService(ScopingParts parts, ObjectProvider<HumanLevelFigures> measured) {
        this.parts = parts;
        this.measured = measured;
    }

    /**
     * Human-level figures the team measured in the data stage (label agreement), newest first: offered as the answer to
     * "how was human-level performance measured". Empty without a data stage, or for a user who may not read its data.
     */
    public List<HumanLevelFigure> measuredHumanLevel(UUID projectId) {
        HumanLevelFigures figures = measured.getIfAvailable();
        if (figures == null) {
            return List.of();
        }
        try {
            return figures.figures(projectId);
        } catch (AccessDeniedException mayNotReadData) {
            return List.of();
        }
    }

    public Optional<Saved> find(UUID projectId) {
        return parts.find(PART, projectId).map(r -> new Saved(toAnswers(r), r.getVersion(), r.getUpdatedBy()));
    }

    /** The rating of the saved answers, with its reasons; empty before any answer is saved. */
    public Optional<FeasibilityRating> rating(UUID projectId) {
        return find(projectId).map(saved -> FeasibilityRating.of(saved.answers()));
    }

    @Transactional
    public int save(UUID projectId, FeasibilityAnswers answers, Integer basedOnVersion) {
        return parts.save(PART, projectId, basedOnVersion, answers::validate, (record, username) -> {
            record.setDataKind(answers.dataKind().name());
            record.setHlpApplies(answers.hlpApplies());
            record.setHlpMethod(blankToNull(answers.hlpMethod()));
            record.setHlpExamples(answers.hlpExamples());
            record.setHlpMetric(blankToNull(answers.hlpMetric()));
            record.setHlpValue(answers.hlpValue());
            record.setPredictiveFeatures(answers.predictiveFeatures().name());
            record.setFeatureNotes(blankToNull(answers.featureNotes()));
            record.setPriorWork(answers.priorWork().name());
            record.setPriorWorkNotes(blankToNull(answers.priorWorkNotes()));
        }, () -> ", rated " + FeasibilityRating.of(answers).level());
    }

    static FeasibilityAnswers toAnswers(FeasibilityRecord r) {
        return new FeasibilityAnswers(DataKind.valueOf(r.getDataKind()), r.getHlpApplies(), r.getHlpMethod(), r.getHlpExamples(),
                r.getHlpMetric(), r.getHlpValue(), Evidence.valueOf(r.getPredictiveFeatures()), r.getFeatureNotes(),
                PriorWork.valueOf(r.getPriorWork()), r.getPriorWorkNotes());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public record Saved(FeasibilityAnswers answers, int version, String updatedBy) {
    }
}
