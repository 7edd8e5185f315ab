package io.rapport.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads one landing file into canonical conversations and quarantine entries. The format is chosen by the
 * file's structure (its first non-blank line), never by its name, unless a format is forced.
 */
public final class TranscriptFileReader {

    public static final List<TranscriptFormat> FORMATS = List.of(new JsonLinesFormat(), new CsvExportFormat());

    private final int maxRecordBytes;
    private final TranscriptFormat forced;

    public TranscriptFileReader(int maxRecordBytes, Optional<String> forcedFormat) {
        this.maxRecordBytes = maxRecordBytes;
        this.forced = forcedFormat.map(TranscriptFileReader::format).orElse(null);
    }

    public static TranscriptFormat format(String name) {
        return FORMATS.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; known: "
                        + FORMATS.stream().map(TranscriptFormat::name).toList()));
    }

    /**
     * The file's results, read lazily; the stream is closed when they are exhausted. An I/O failure part-way
     * (a truncated archive, a vanished file) ends the file with one UNREADABLE_FILE entry after the records
     * already read, so the night goes on.
     */
    public Iterator<IngestResult> read(String file, InputStream in) {
        return new Iterator<>() {
            private final BoundedLineReader lines = new BoundedLineReader(in, maxRecordBytes);
            private TranscriptFormat.RecordSource source;
            private IngestResult next;
            private long lastLine;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    advance();
                }
                return next != null;
            }

            @Override
            public IngestResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                IngestResult r = next;
                next = null;
                return r;
            }

            private void advance() {
                try {
                    if (source == null) {
                        source = detect();
                    }
                    next = source == null ? null : source.next();
                    if (next != null) {
                        lastLine = Math.max(lastLine, next.source().line());
                    }
                } catch (IOException | UncheckedIOException e) {
                    next = new IngestResult.Quarantined(new SourceRecord(file, lastLine, null), null,
                            ReasonCode.UNREADABLE_FILE, "reading stopped after line " + lastLine + ": " + e);
                    source = null;
                    done = true;
                }
                if (next == null || done) {
                    done = true;
                    close();
                }
            }

            /** Picks the adapter, or returns a source yielding one UNSUPPORTED_FORMAT entry for the file. */
            private TranscriptFormat.RecordSource detect() throws IOException {
                BoundedLineReader.Line first = lines.peek();
                while (first != null && first.problem() == null && first.text().isBlank()) {
                    lines.next();
                    first = lines.peek();
                }
                if (first == null) {
                    return () -> null;
                }
                String firstText = first.text();
                TranscriptFormat format = forced != null ? forced
                        : FORMATS.stream().filter(f -> f.recognizes(firstText)).findFirst().orElse(null);
                if (format != null) {
                    return format.open(file, lines);
                }
                IngestResult unsupported = new IngestResult.Quarantined(
                        new SourceRecord(file, first.number(), firstText), null, ReasonCode.UNSUPPORTED_FORMAT,
                        "line " + first.number() + " matches no known format (JSON Lines objects, or a CSV export"
                                + " whose header has conversation_id); the file was not read further");
                boolean[] given = {false};
                return () -> {
                    if (given[0]) {
                        return null;
                    }
                    given[0] = true;
                    return unsupported;
                };
            }

            private void close() {
                try {
                    lines.close();
                } catch (IOException ignored) {
                    // Everything was read already; a failing close loses nothing.
                }
            }
        };
    }
}
