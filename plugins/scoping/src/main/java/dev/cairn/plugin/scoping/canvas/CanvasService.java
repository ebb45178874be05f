package dev.cairn.plugin.scoping.canvas;

import static dev.cairn.plugin.scoping.db.Tables.CANVAS;

import dev.cairn.plugin.scoping.db.tables.records.CanvasRecord;
import dev.cairn.plugin.scoping.document.ScopingParts;
import dev.cairn.plugin.scoping.document.VersionedPart;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.TableField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The project's Machine Learning Canvas: read by everyone in the project, written by managers. */
@Service
public class CanvasService {

    static final VersionedPart<CanvasRecord> PART = new VersionedPart<>("canvas", "canvas", CANVAS, CANVAS.ID, CANVAS.PROJECT_ID,
            CANVAS.VERSION, CANVAS.UPDATED_BY, CANVAS.UPDATED_AT);

    private final ScopingParts parts;

    CanvasService(ScopingParts parts) {
        this.parts = parts;
    }

    /** The saved canvas and its version, if any was saved. */
    public Optional<Saved> find(UUID projectId) {
        return parts.find(PART, projectId).map(record -> new Saved(toCanvas(record), record.getVersion(), record.getUpdatedBy()));
    }

    @Transactional
    public int save(UUID projectId, Canvas canvas, Integer basedOnVersion) {
        return parts.save(PART, projectId, basedOnVersion, canvas::validate, (record, username) -> {
            for (CanvasBox box : CanvasBox.values()) {
                String text = canvas.text(box);
                record.set(field(box), text.isEmpty() ? null : text);
            }
        }, () -> "");
    }

    static Canvas toCanvas(CanvasRecord record) {
        Map<CanvasBox, String> boxes = new EnumMap<>(CanvasBox.class);
        for (CanvasBox box : CanvasBox.values()) {
            boxes.put(box, record.get(field(box)));
        }
        return new Canvas(boxes);
    }

    static TableField<CanvasRecord, String> field(CanvasBox box) {
        return switch (box) {
            case VALUE_PROPOSITION -> CANVAS.VALUE_PROPOSITION;
            case PREDICTION_TASK -> CANVAS.PREDICTION_TASK;
            case DECISIONS -> CANVAS.DECISIONS;
            case IMPACT_SIMULATION -> CANVAS.IMPACT_SIMULATION;
            case MAKING_PREDICTIONS -> CANVAS.MAKING_PREDICTIONS;
            case DATA_COLLECTION -> CANVAS.DATA_COLLECTION;
            case DATA_SOURCES -> CANVAS.DATA_SOURCES;
            case BUILDING_MODELS -> CANVAS.BUILDING_MODELS;
            case FEATURES -> CANVAS.FEATURES;
            case LIVE_MONITORING -> CANVAS.LIVE_MONITORING;
        };
    }

    /** A saved canvas: its text, the version to base the next save on, and who saved it last. */
    public record Saved(Canvas canvas, int version, String updatedBy) {
    }
}
