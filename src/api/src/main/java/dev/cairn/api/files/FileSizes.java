package dev.cairn.api.files;

import java.util.Locale;

/** Byte counts as people read them, in the binary units Spring's DataSize uses (1 MB = 1024 KB). */
public final class FileSizes {

    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB"};

    private FileSizes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }
}
