package dev.cairn.app.audit;

/**
 * Makes user input safe for the audit log: control characters (CR, LF, tabs and the rest) become
 * visible escapes, so no input can forge a line or an entry, and length is bounded.
 */
public final class AuditText {

    private AuditText() {
    }

    public static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.length() <= maxLength ? out.toString() : out.substring(0, maxLength - 1) + "…";
    }
}
