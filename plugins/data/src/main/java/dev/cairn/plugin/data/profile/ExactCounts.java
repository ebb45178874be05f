package dev.cairn.plugin.data.profile;

import java.util.function.ObjLongConsumer;

/**
 * Counts of distinct values, keyed by their 64-bit {@link ValueHash}: a probe compares one long
 * instead of hashing and comparing the text again, as a {@code HashMap<String, ...>} does for
 * every cell, and a value's hash and count sit side by side in one array (one cache line per
 * probe). Two distinct values would have to share a 64-bit hash to be counted as one
 * (probability below 10^-10 for 16,000 values).
 */
final class ExactCounts {

    /** Hash at 2i, count at 2i + 1; hash 0 marks a free slot, so the value hashing to 0 lives apart. */
    private long[] slots = new long[128];
    private String[] values = new String[64];
    private long zeroCount;
    private String zeroValue;
    private int size;

    /** Adds {@code times} to the value's count; false (and nothing added) when it is new and {@code limit} are counted. */
    boolean add(String value, long hash, long times, int limit) {
        if (hash == 0) {
            if (zeroValue == null) {
                if (size >= limit) {
                    return false;
                }
                zeroValue = value;
                size++;
            }
            zeroCount += times;
            return true;
        }
        int i = probe(slots, hash, values.length - 1);
        if (slots[2 * i] == hash) {
            slots[2 * i + 1] += times;
            return true;
        }
        if (size >= limit) {
            return false;
        }
        slots[2 * i] = hash;
        slots[2 * i + 1] = times;
        values[i] = value;
        if (++size * 2 > values.length) {
            grow();
        }
        return true;
    }

    /**
     * Counts one more of the value with this hash when it is known, without its text (the CSV
     * reader then makes no string for the cell); false when it is new, to be {@link #add}ed.
     */
    boolean increment(long hash) {
        if (hash == 0) {
            if (zeroValue == null) {
                return false;
            }
            zeroCount++;
            return true;
        }
        int i = probe(slots, hash, values.length - 1);
        if (slots[2 * i] != hash) {
            return false;
        }
        slots[2 * i + 1]++;
        return true;
    }

    /** The index of the hash's slot in the table: the one holding it, else the free one where it belongs. */
    private static int probe(long[] slots, long hash, int mask) {
        int i = (int) (hash ^ (hash >>> 29)) & mask;
        while (slots[2 * i] != hash && slots[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldSlots = slots;
        String[] oldValues = values;
        values = new String[oldValues.length * 2];
        slots = new long[values.length * 2];
        int mask = values.length - 1;
        for (int j = 0; j < oldValues.length; j++) {
            long hash = oldSlots[2 * j];
            if (hash != 0) {
                int i = probe(slots, hash, mask);
                slots[2 * i] = hash;
                slots[2 * i + 1] = oldSlots[2 * j + 1];
                values[i] = oldValues[j];
            }
        }
    }

    int size() {
        return size;
    }

    void forEach(ObjLongConsumer<String> action) {
        if (zeroValue != null) {
            action.accept(zeroValue, zeroCount);
        }
        for (int i = 0; i < values.length; i++) {
            if (slots[2 * i] != 0) {
                action.accept(values[i], slots[2 * i + 1]);
            }
        }
    }
}
