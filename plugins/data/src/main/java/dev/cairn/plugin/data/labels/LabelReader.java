package dev.cairn.plugin.data.labels;

import dev.cairn.plugin.data.profile.RowSource;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** Reads the label (and key) columns of a version's rows into a {@link LabelAgreement}, in one pass. */
public final class LabelReader {

    private LabelReader() {
    }

    /** The agreement over every row of {@code rows}. */
    public static AgreementReport agreement(RowSource rows, LabelColumns columns, int listed) throws IOException {
        LabelAgreement agreement = new LabelAgreement(columns, listed);
        read(rows, columns, agreement, d -> {
        });
        return agreement.report();
    }

    /** Hands every disagreeing row to {@code sink} as it is read (the export streams them, however many). */
    public static void disagreements(RowSource rows, LabelColumns columns, Consumer<Disagreement> sink) throws IOException {
        read(rows, columns, new LabelAgreement(columns, 0), sink);
    }

    private static void read(RowSource rows, LabelColumns columns, LabelAgreement agreement, Consumer<Disagreement> sink)
            throws IOException {
        List<String> header = rows.header();
        int[] labelIndex = columns.labellers().stream().mapToInt(name -> index(header, name, "Label column")).toArray();
        int keyIndex = columns.key() == null ? -1 : index(header, columns.key(), "Key column");
        String[] labels = new String[labelIndex.length];
        long row = 0;
        for (String[] fields = rows.next(); fields != null; fields = rows.next()) {
            row++;
            for (int i = 0; i < labelIndex.length; i++) {
                labels[i] = fields[labelIndex[i]];
            }
            Disagreement disagreement = agreement.add(row, keyIndex < 0 ? null : fields[keyIndex], labels);
            if (disagreement != null) {
                sink.accept(disagreement);
            }
        }
    }

    private static int index(List<String> header, String name, String what) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(what + ": the version has no column '" + name + "' (its columns: "
                    + String.join(", ", header) + ").");
        }
        return index;
    }
}
