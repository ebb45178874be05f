package dev.cairn.plugin.data.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The delimiters the detector tries, and how people name them (in forms and query parameters). */
public final class Delimiters {

    /** In order of preference when two fit a sample equally well. */
    static final List<Character> CANDIDATES = List.of(',', '\t', ';', '|');

    private static final Map<String, Character> NAMES = Map.of("comma", ',', "tab", '\t', "semicolon", ';', "pipe", '|',
            "space", ' ');

    private Delimiters() {
    }

    public static String name(char c) {
        return NAMES.entrySet().stream().filter(e -> e.getValue() == c).map(Map.Entry::getKey).findFirst()
                .orElse("'" + c + "'");
    }

    /**
     * A delimiter as a person writes it: "comma", "tab", "semicolon", "pipe", "space" or the
     * character itself ("\t" too); null or blank means "detect".
     */
    public static Character parse(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Character named = NAMES.get(value.strip().toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (value.equals("\\t")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new IllegalArgumentException(field + " must be one character or one of comma, tab, semicolon, pipe, space; was \""
                    + value + "\".");
        }
        return value.charAt(0);
    }
}
