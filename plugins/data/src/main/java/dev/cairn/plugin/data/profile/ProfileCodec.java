package dev.cairn.plugin.data.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.common.SketchesArgumentException;
import org.apache.datasketches.frequencies.FrequentItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * A profile as bytes, to store with its dataset version, and back. Layout (big-endian): the magic
 * "CPRF", the format version, the options, the rows and duplicate-row state, then per column its
 * counters, moments, KLL sketch, kept values and either its exact counts or its HLL and
 * frequent-items sketches; sketches in DataSketches' own compact binary forms, so that other
 * DataSketches implementations can read them too. A reader refuses a newer format version rather
 * than misread it. Row hashes are kept only up to {@link ProfileOptions#storedRowHashLimit()}.
 */
public final class ProfileCodec {

    /** Bump on any change of layout or of {@link ValueHash}. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x43505246; // "CPRF"
    private static final ArrayOfStringsSerDe STRINGS = new ArrayOfStringsSerDe();

    private ProfileCodec() {
    }

    public static byte[] toBytes(DatasetProfile profile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(FORMAT_VERSION);
            writeOptions(out, profile.options());
            writeDuplicates(out, profile.rowDuplicates(), profile.options().storedRowHashLimit());
            List<ColumnAccumulator> columns = profile.accumulators();
            out.writeInt(columns.size());
            for (ColumnAccumulator column : columns) {
                writeColumn(out, column);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static DatasetProfile fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (in.readInt() != MAGIC) {
                throw new ProfileFormatException("these bytes are not a Cairn dataset profile (no CPRF header)");
            }
            int version = in.readUnsignedShort();
            if (version != FORMAT_VERSION) {
                throw new ProfileFormatException("profile format version " + version + " is not one this Cairn reads ("
                        + FORMAT_VERSION + ")");
            }
            ProfileOptions options = readOptions(in);
            RowDuplicates duplicates = readDuplicates(in, options);
            int count = in.readInt();
            List<ColumnAccumulator> columns = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                columns.add(readColumn(in, options));
            }
            if (in.read() != -1) {
                throw new ProfileFormatException("the profile has bytes after its last column");
            }
            return new DatasetProfile(options, columns, duplicates);
        } catch (EOFException e) {
            throw new ProfileFormatException("the profile is truncated", e);
        } catch (SketchesArgumentException e) {
            throw new ProfileFormatException("a sketch in the profile is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy, for merging without touching the inputs. */
    static DatasetProfile copy(DatasetProfile profile) {
        return fromBytes(toBytes(profile));
    }

    private static void writeOptions(DataOutputStream out, ProfileOptions options) throws IOException {
        out.writeBoolean(options.labelColumn() != null);
        if (options.labelColumn() != null) {
            writeString(out, options.labelColumn());
        }
        Set<String> tokens = new TreeSet<>(options.missingTokens());
        out.writeInt(tokens.size());
        for (String token : tokens) {
            writeString(out, token);
        }
        out.writeInt(options.exactDistinctLimit());
        out.writeInt(options.exactValuesLimit());
        out.writeInt(options.kllK());
        out.writeInt(options.hllLgK());
        out.writeInt(options.frequentItemsMapSize());
        out.writeInt(options.exactRowLimit());
        out.writeInt(options.storedRowHashLimit());
    }

    private static ProfileOptions readOptions(DataInputStream in) throws IOException {
        String label = in.readBoolean() ? readString(in) : null;
        int tokenCount = in.readInt();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < tokenCount; i++) {
            tokens.add(readString(in));
        }
        return new ProfileOptions(label, tokens, in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt(), 1);
    }

    private static void writeDuplicates(DataOutputStream out, RowDuplicates duplicates, int storedLimit)
            throws IOException {
        out.writeLong(duplicates.rows);
        out.writeLong(duplicates.duplicates);
        out.writeBoolean(duplicates.exact);
        out.writeBoolean(duplicates.fromSketch);
        boolean keep = duplicates.hashes != null && duplicates.size <= storedLimit;
        out.writeInt(keep ? duplicates.size : -1);
        for (int i = 0; keep && i < duplicates.size; i++) {
            out.writeLong(duplicates.hashes[i]);
        }
        writeBytes(out, duplicates.distinctRows.toCompactByteArray());
    }

    private static RowDuplicates readDuplicates(DataInputStream in, ProfileOptions options) throws IOException {
        RowDuplicates duplicates = new RowDuplicates(options.exactRowLimit(), options.hllLgK());
        duplicates.rows = in.readLong();
        duplicates.duplicates = in.readLong();
        duplicates.exact = in.readBoolean();
        duplicates.fromSketch = in.readBoolean();
        int hashCount = in.readInt();
        if (hashCount < 0) {
            duplicates.hashes = null;
        } else {
            duplicates.hashes = new long[hashCount];
            for (int i = 0; i < hashCount; i++) {
                duplicates.hashes[i] = in.readLong();
            }
            duplicates.size = hashCount;
        }
        duplicates.distinctRows = HllSketch.heapify(readBytes(in));
        return duplicates;
    }

    private static void writeColumn(DataOutputStream out, ColumnAccumulator c) throws IOException {
        writeString(out, c.name);
        for (long counter : new long[] {c.missing, c.present, c.numbers, c.integers, c.nan, c.infinite, c.booleans,
                c.timestamps, c.minTimestamp, c.maxTimestamp, c.minLength, c.maxLength, c.totalLength}) {
            out.writeLong(counter);
        }
        Moments m = c.moments;
        out.writeLong(m.count);
        out.writeDouble(m.mean);
        out.writeDouble(m.m2);
        out.writeDouble(m.min);
        out.writeDouble(m.max);
        writeBytes(out, c.sketch.toByteArray());
        double[] kept = c.keptValues();
        out.writeInt(kept == null ? -1 : kept.length);
        if (kept != null) {
            for (double value : kept) {
                out.writeDouble(value);
            }
        }
        DistinctValues distinct = c.distinct;
        out.writeBoolean(distinct.isExact());
        if (distinct.isExact()) {
            Map<String, Long> counts = distinct.exactCounts();
            out.writeInt(counts.size());
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                writeString(out, entry.getKey());
                out.writeLong(entry.getValue());
            }
        } else {
            writeBytes(out, distinct.distinct.toCompactByteArray());
            writeBytes(out, distinct.frequent.toByteArray(STRINGS));
        }
    }

    private static ColumnAccumulator readColumn(DataInputStream in, ProfileOptions options) throws IOException {
        String name = readString(in);
        long[] counters = new long[13];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = in.readLong();
        }
        Moments moments = new Moments();
        moments.count = in.readLong();
        moments.mean = in.readDouble();
        moments.m2 = in.readDouble();
        moments.min = in.readDouble();
        moments.max = in.readDouble();
        KllDoublesSketch sketch = KllDoublesSketch.heapify(MemorySegment.ofArray(readBytes(in)));
        int keptCount = in.readInt();
        double[] kept = null;
        if (keptCount >= 0) {
            kept = new double[Math.max(16, keptCount)];
            for (int i = 0; i < keptCount; i++) {
                kept[i] = in.readDouble();
            }
        }
        DistinctValues distinctValues;
        if (in.readBoolean()) {
            int distinct = in.readInt();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < distinct; i++) {
                counts.put(readString(in), in.readLong());
            }
            distinctValues = DistinctValues.of(counts, options);
        } else {
            HllSketch distinct = HllSketch.heapify(readBytes(in));
            FrequentItemsSketch<String> frequent = FrequentItemsSketch.getInstance(MemorySegment.ofArray(readBytes(in)),
                    STRINGS);
            distinctValues = DistinctValues.of(distinct, frequent, options);
        }
        ColumnAccumulator column = new ColumnAccumulator(name, options, moments, sketch, distinctValues);
        column.missing = counters[0];
        column.present = counters[1];
        column.numbers = counters[2];
        column.integers = counters[3];
        column.nan = counters[4];
        column.infinite = counters[5];
        column.booleans = counters[6];
        column.timestamps = counters[7];
        column.minTimestamp = counters[8];
        column.maxTimestamp = counters[9];
        column.minLength = counters[10];
        column.maxLength = counters[11];
        column.totalLength = counters[12];
        column.values = kept;
        column.valueCount = Math.max(0, keptCount);
        return column;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new ProfileFormatException("the profile is truncated or damaged (a field of " + length
                    + " bytes where " + in.available() + " remain)");
        }
        return in.readNBytes(length);
    }
}
