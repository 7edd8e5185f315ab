package io.rapport.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names and counts the numbered parts a sink writes ({@code prefix-0001.ext}, ...), a new one every {@code maxPerFile} records. */
final class PartFiles {

    private final Path dir;
    private final String pattern;
    private final int maxPerFile;
    private final List<Path> files = new ArrayList<>();
    private int inFile;

    PartFiles(Path dir, String prefix, String extension, int maxPerFile) {
        this.dir = dir;
        this.pattern = prefix + "-%04d." + extension;
        this.maxPerFile = maxPerFile;
    }

    /** Counts a new record; returns the part to open first when the record starts one, else null. */
    Path startRecord() {
        Path opened = null;
        if (files.isEmpty() || inFile == maxPerFile) {
            opened = dir.resolve(String.format(Locale.ROOT, pattern, files.size() + 1));
            files.add(opened);
            inFile = 0;
        }
        inFile++;
        return opened;
    }

    /** 1-based position of the current record in its part. */
    int inFile() {
        return inFile;
    }

    String currentName() {
        return files.get(files.size() - 1).getFileName().toString();
    }

    List<Path> files() {
        return List.copyOf(files);
    }
}
