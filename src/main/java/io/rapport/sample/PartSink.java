package io.rapport.sample;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sink writing numbered parts ({@code prefix-0001.ext}, ...), a new one every {@code maxPerFile} records.
 * Only the current part is open.
 *
 * @param <W> the writer of one part
 */
abstract class PartSink<W extends Closeable> implements Closeable {

    private final Path dir;
    private final String pattern;
    private final int maxPerFile;
    private final List<Path> files = new ArrayList<>();
    private int inFile;
    protected W out;

    PartSink(Path dir, String prefix, String extension, int maxPerFile) {
        this.dir = dir;
        this.pattern = prefix + "-%04d." + extension;
        this.maxPerFile = maxPerFile;
    }

    /** Opens a new part (writing any header it needs). */
    protected abstract W open(Path file) throws IOException;

    /** Counts a new record, first moving to a new part when the current one is full. */
    protected final void startRecord() throws IOException {
        if (files.isEmpty() || inFile == maxPerFile) {
            close();
            Path file = dir.resolve(String.format(Locale.ROOT, pattern, files.size() + 1));
            files.add(file);
            out = open(file);
            inFile = 0;
        }
        inFile++;
    }

    /** 1-based position of the current record in its part. */
    protected final int inFile() {
        return inFile;
    }

    protected final String currentName() {
        return files.get(files.size() - 1).getFileName().toString();
    }

    final List<Path> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
