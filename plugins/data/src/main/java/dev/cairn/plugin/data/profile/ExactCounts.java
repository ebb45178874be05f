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
        int mask = values.length - 1;
        int i = slot(hash, mask);
        while (true) {
            long slot = slots[2 * i];
            if (slot == hash) {
                slots[2 * i + 1] += times;
                return true;
            }
            if (slot == 0) {
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
            i = (i + 1) & mask;
        }
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
        int mask = values.length - 1;
        int i = slot(hash, mask);
        while (true) {
            long slot = slots[2 * i];
            if (slot == hash) {
                slots[2 * i + 1]++;
                return true;
            }
            if (slot == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private static int slot(long hash, int mask) {
        return (int) (hash ^ (hash >>> 29)) & mask;
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
                int i = slot(hash, mask);
                while (slots[2 * i] != 0) {
                    i = (i + 1) & mask;
                }
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
