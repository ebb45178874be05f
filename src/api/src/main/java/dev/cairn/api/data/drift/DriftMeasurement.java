package dev.cairn.api.data.drift;

import java.util.Objects;

/**
 * One measure of one feature: the raw value (always shown, also under the threshold), the
 * threshold it was read against and the verdict.
 *
 * @param method    the measure
 * @param value     its raw value (a p-value or a distance, as the method says)
 * @param threshold the threshold used
 * @param drifted   whether the value means drift under that threshold
 * @param basis     what it was computed from (exact values, a sketch, category counts)
 * @param detail    one sentence a reader needs beside the number (e.g. which category moved most,
 *                  or that a sketch's rank error was allowed for)
 */
public record DriftMeasurement(DriftMethod method, double value, double threshold, boolean drifted, Basis basis,
                               String detail) {

    public DriftMeasurement {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(basis, "basis");
        detail = detail == null ? "" : detail;
    }

    public static DriftMeasurement of(DriftMethod method, double value, double threshold, Basis basis, String detail) {
        return new DriftMeasurement(method, value, threshold, method.drifted(value, threshold), basis, detail);
    }
}
