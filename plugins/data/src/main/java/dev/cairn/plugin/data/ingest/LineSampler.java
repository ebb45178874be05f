package dev.cairn.plugin.data.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Quotes given lines of a file for a refusal: each cut to {@value #MAX_CHARS} characters, invalid bytes replaced. */
final class LineSampler {

    static final int MAX_CHARS = 200;

    private LineSampler() {
    }

    static List<SampleLine> sample(ContentSource source, CsvFormat format, SortedSet<Long> wanted) {
        List<SampleLine> samples = new ArrayList<>();
        if (wanted.isEmpty()) {
            return samples;
        }
        SortedSet<Long> left = new TreeSet<>(wanted);
        try (InputStream in = source.open()) {
            in.skipNBytes(format.bomLength());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, format.encoding()));
            long line = 1;
            StringBuilder text = new StringBuilder();
            int c;
            while (!left.isEmpty() && (c = reader.read()) >= 0) {
                if (c == '\n') {
                    if (left.remove(line)) {
                        samples.add(new SampleLine(line, strip(text)));
                    }
                    text.setLength(0);
                    line++;
                } else if (left.first() == line && text.length() <= MAX_CHARS) {
                    text.append((char) c);
                }
            }
            if (left.remove(line)) {
                samples.add(new SampleLine(line, strip(text)));
            }
        } catch (IOException unreadable) {
            // The refusal stands without its sample.
        }
        return samples;
    }

    private static String strip(StringBuilder text) {
        String s = text.toString();
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "…" : s;
    }
}
