package dev.cairn.plugin.scoping.canvas;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The text of each canvas box; a box not written is absent. */
public record Canvas(Map<CanvasBox, String> boxes) {

    static final int MAX_LENGTH = 4000;

    public Canvas {
        EnumMap<CanvasBox, String> clean = new EnumMap<>(CanvasBox.class);
        boxes.forEach((box, text) -> {
            if (text != null && !text.isBlank()) {
                clean.put(box, text.strip());
            }
        });
        boxes = Collections.unmodifiableMap(clean);
    }

    public static Canvas empty() {
        return new Canvas(Map.of());
    }

    public String text(CanvasBox box) {
        return boxes.getOrDefault(box, "");
    }

    /** The required boxes still empty, in canvas order. */
    public List<CanvasBox> missingRequired() {
        return java.util.Arrays.stream(CanvasBox.values()).filter(CanvasBox::required).filter(b -> !boxes.containsKey(b)).toList();
    }

    void validate() {
        boxes.forEach((box, text) -> {
            if (text.length() > MAX_LENGTH) {
                throw new IllegalArgumentException(box.title() + " must have at most " + MAX_LENGTH + " characters (it has "
                        + text.length() + ").");
            }
        });
    }
}
