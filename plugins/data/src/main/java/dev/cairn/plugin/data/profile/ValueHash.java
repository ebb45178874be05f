package dev.cairn.plugin.data.profile;

/**
 * A stable 64-bit hash of a field's text (FNV-1a over its UTF-16 units, then MurmurHash3's
 * finaliser). Stored profiles hold HLL sketches and row hashes made with it, so it is part of the
 * serialized format and must never change within one {@link ProfileCodec#FORMAT_VERSION}.
 * {@link String#hashCode()} is stable too, but 32 bits make distinct rows collide ("Aa" and "BB").
 */
final class ValueHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ValueHash() {
    }

    static long of(String text) {
        long hash = FNV_OFFSET;
        for (int i = 0, n = text.length(); i < n; i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return mix(hash ^ text.length());
    }

    /** The same hash as {@link #of(String)} of {@code new String(chars, offset, length)}, without the string. */
    static long of(char[] chars, int offset, int length) {
        long hash = FNV_OFFSET;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = (hash ^ chars[i]) * FNV_PRIME;
        }
        return mix(hash ^ length);
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
