package dev.cairn.api.data.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists in a step's text parameters (bucket bounds, one-hot categories): one item per line, a
 * backslash written as {@code \\} and a line break inside an item as {@code \n}, so that any
 * category (commas and quotes included) survives and a person can still read the list.
 */
public final class RecipeLists {

    private RecipeLists() {
    }

    public static String encode(List<String> items) {
        List<String> escaped = new ArrayList<>(items.size());
        for (String item : items) {
            escaped.add(item.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"));
        }
        return String.join("\n", escaped);
    }

    public static List<String> decode(String text) {
        List<String> items = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return items;
        }
        for (String line : text.split("\n", -1)) {
            StringBuilder item = new StringBuilder(line.length());
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char next = line.charAt(++i);
                    item.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
                } else {
                    item.append(c);
                }
            }
            items.add(item.toString());
        }
        return items;
    }
}
