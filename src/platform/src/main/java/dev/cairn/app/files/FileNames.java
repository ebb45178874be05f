package dev.cairn.app.files;

/** The name a stored file keeps: the last part of what the client sent (browsers may send a path). */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String clean(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The file needs a name.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The file name contains control characters.");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The file name is longer than " + MAX_LENGTH + " characters.");
        }
        return name;
    }
}
