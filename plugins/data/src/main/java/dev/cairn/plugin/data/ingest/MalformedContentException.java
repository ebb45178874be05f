package dev.cairn.plugin.data.ingest;

import java.io.IOException;

/** Bytes that are not valid in the file's encoding, where they are. An IOException, as readers throw. */
final class MalformedContentException extends IOException {

    private final long byteOffset;
    private final long line;

    MalformedContentException(long byteOffset, long line) {
        super("invalid byte at offset " + byteOffset + " (line " + line + ")");
        this.byteOffset = byteOffset;
        this.line = line;
    }

    long byteOffset() {
        return byteOffset;
    }

    long line() {
        return line;
    }
}
