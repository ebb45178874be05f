package dev.cairn.plugin.scoping.export;

import java.util.regex.Pattern;

/**
 * User text made into CommonMark that a viewer shows exactly as written, following the
 * CommonMark spec's rules rather than a list of "dangerous" strings:
 * <ul>
 * <li>characters that open inline structure anywhere (escapes, code spans, emphasis, links, raw
 * HTML and autolinks, entities, and GFM's strikethrough and table cells) are backslash-escaped,
 * which CommonMark allows for every ASCII punctuation character;</li>
 * <li>every line break (CR, LF, CRLF, and the Unicode separators a JavaScript renderer treats as
 * line ends) becomes a hard line break inside the same paragraph, so no line of a field can start
 * a block of its own;</li>
 * <li>a line that starts a block line gets its first marker escaped: headings, block quotes, list
 * items (bullets and "1." or "1)"), thematic breaks and {@code ===}/{@code ---} underlines;</li>
 * <li>whitespace at either end of a line, which block parsing would read as indentation (a code
 * block) or drop, is written as numeric character references and so comes back as written.</li>
 * </ul>
 * Nothing else is escaped, so numbers and ordinary prose stay readable in the file itself.
 */
final class MarkdownText {

    /** Java's {@code \R}: LF, CR, CRLF, VT, FF, NEL, U+2028 and U+2029. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern ORDERED_LIST_MARKER = Pattern.compile("^(\\d{1,9})([.)])(?=[ \\t]|$)");
    private static final String INLINE_PUNCTUATION = "\\`*_[]<&~|#";
    private static final String BLOCK_START_PUNCTUATION = "#>-+=";
    /** A backslash before a line ending is CommonMark's hard line break. */
    private static final String HARD_BREAK = "\\\n";

    private MarkdownText() {
    }

    /** The text as one paragraph's content whose first line starts a block (a paragraph or a list item). */
    static String block(String text, String continuationIndent) {
        return lines(text, true, continuationIndent);
    }

    /** The text as content that follows other inline content on its first line (after a field's label). */
    static String afterInline(String text) {
        return lines(text, false, "");
    }

    /** One line of inline content (a heading): line breaks become spaces. */
    static String singleLine(String text) {
        return inline(LINE_BREAK.matcher(text.strip()).replaceAll(" "));
    }

    private static String lines(String text, boolean firstLineStartsBlock, String continuationIndent) {
        String[] lines = LINE_BREAK.split(text.strip(), -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(HARD_BREAK).append(continuationIndent);
            }
            out.append(line(lines[i], i > 0 || firstLineStartsBlock));
        }
        return out.toString();
    }

    private static String line(String raw, boolean startsBlock) {
        int start = 0;
        while (start < raw.length() && isIndentation(raw.charAt(start))) {
            start++;
        }
        int end = raw.length();
        while (end > start && isIndentation(raw.charAt(end - 1))) {
            end--;
        }
        String content = raw.substring(start, end);
        StringBuilder out = new StringBuilder();
        references(raw.substring(0, start), out);
        // Leading whitespace written as references already keeps the rest from starting a block.
        out.append(startsBlock && start == 0 ? blockStart(content) : inline(content));
        references(raw.substring(end), out);
        return out.toString();
    }

    private static String blockStart(String content) {
        if (content.isEmpty()) {
            return content;
        }
        var ordered = ORDERED_LIST_MARKER.matcher(content);
        if (ordered.find()) {
            return ordered.group(1) + "\\" + ordered.group(2) + inline(content.substring(ordered.end()));
        }
        String escaped = inline(content);
        return BLOCK_START_PUNCTUATION.indexOf(escaped.charAt(0)) >= 0 ? "\\" + escaped : escaped;
    }

    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (INLINE_PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isIndentation(char c) {
        return c == ' ' || c == '\t';
    }

    private static void references(String whitespace, StringBuilder out) {
        whitespace.chars().forEach(c -> out.append("&#").append(c).append(';'));
    }
}
