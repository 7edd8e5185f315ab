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

    /** In detection order: the vendor JSON documents are recognised by their keys before JSON Lines. */
    public static final List<TranscriptFormat> FORMATS = List.of(new WebVttFormat(), new EmailFormat(),
            new ContactLensFormat(), new TranscribeCallAnalyticsFormat(), new CcaiInsightsFormat(),
            new JsonLinesFormat(), new CsvExportFormat(), new SidecarMetadata.Format());

    private final IngestSettings settings;
    private final TranscriptFormat forced;

    public TranscriptFileReader(IngestSettings settings, Optional<String> forcedFormat) {
        this.settings = settings;
        this.forced = forcedFormat.map(TranscriptFileReader::format).orElse(null);
    }

    public TranscriptFileReader(int maxRecordBytes, Optional<String> forcedFormat) {
        this(IngestSettings.of(maxRecordBytes), forcedFormat);
    }

    public static TranscriptFormat format(String name) {
        return FORMATS.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; known: " + names()));
    }

    static List<String> names() {
        return FORMATS.stream().map(TranscriptFormat::name).toList();
    }

    /** The format detection picks for a file starting with this head, if any. */
    public static Optional<TranscriptFormat> detect(FileHead head) {
        return FORMATS.stream().filter(f -> f.recognizes(head)).findFirst();
    }

    /**
     * The file's results, read lazily; the stream is closed when they are exhausted. An I/O failure part-way
     * (a truncated archive, a vanished file) ends the file with one UNREADABLE_FILE entry after the records
     * already read, so the night goes on.
     */
    public Iterator<IngestResult> read(String file, InputStream in) {
        return new Iterator<>() {
            private InputStream stream = in;
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
                        source = open();
                    }
                    next = source.next();
                    if (next != null) {
                        lastLine = Math.max(lastLine, next.source().line());
                    }
                } catch (IOException | UncheckedIOException e) {
                    next = new IngestResult.Quarantined(new SourceRecord(file, lastLine, null), null,
                            ReasonCode.UNREADABLE_FILE, "reading stopped after line " + lastLine + ": " + e);
                    done = true;
                }
                if (next == null || done) {
                    done = true;
                    close();
                }
            }

            /** Picks the adapter, or returns a source yielding one UNSUPPORTED_FORMAT entry for the file. */
            private TranscriptFormat.RecordSource open() throws IOException {
                FileHead.Peeked peeked = FileHead.peek(stream);
                stream = peeked.stream();
                FileHead head = peeked.head();
                if (head.isEmpty()) {
                    return () -> null;
                }
                // A sidecar is never a transcript, whatever format is forced.
                TranscriptFormat format = SidecarMetadata.isSidecar(head) ? format("metadata")
                        : forced != null ? forced : detect(head).orElse(null);
                if (format != null) {
                    return format.open(file, stream, settings);
                }
                return TranscriptFormat.single(new IngestResult.Quarantined(
                        new SourceRecord(file, head.firstLineNumber(), head.firstLine()), null,
                        ReasonCode.UNSUPPORTED_FORMAT, "line " + head.firstLineNumber() + " matches no known format ("
                        + String.join(", ", names()) + "; docs/input-format.md); the file was not read further"));
            }

            private void close() {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // Everything was read already; a failing close loses nothing.
                }
            }
        };
    }
}
