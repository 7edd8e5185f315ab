package io.rapport.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The start of a landing file, which is all format detection looks at: the first {@value #BYTES} bytes decoded
 * leniently (detection must not fail on a stray byte; the adapter then reports encoding problems per record).
 *
 * @param text      the head with a leading byte-order mark and leading whitespace removed
 * @param firstLine the first non-blank line of the head
 * @param firstLineNumber its 1-based line number in the file
 */
public record FileHead(String text, String firstLine, long firstLineNumber) {

    static final int BYTES = 64 * 1024;

    /**
     * Reads the head and gives back a stream that still starts at the file's first byte. A read failure inside the
     * head is kept and raised where the failing byte would have been, so records before it are still read.
     */
    public static Peeked peek(InputStream in) throws IOException {
        byte[] bytes = new byte[BYTES];
        int n = 0;
        IOException failure = null;
        try {
            for (int r; n < BYTES && (r = in.read(bytes, n, BYTES - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            failure = e;
        }
        IOException failed = failure;
        InputStream rest = failed == null ? in : new InputStream() {
            @Override
            public int read() throws IOException {
                throw failed;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
        InputStream replay = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, n), rest) {
            @Override
            public void close() throws IOException {
                rest.close();
            }
        };
        return new Peeked(of(new String(bytes, 0, n, StandardCharsets.UTF_8)), replay);
    }

    static FileHead of(String raw) {
        String unmarked = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        String text = unmarked.stripLeading();
        String skipped = unmarked.substring(0, unmarked.length() - text.length());
        long line = 1 + skipped.chars().filter(c -> c == '\n').count();
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).stripTrailing();
        return new FileHead(text, first, line);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    public record Peeked(FileHead head, InputStream stream) {
    }
}
