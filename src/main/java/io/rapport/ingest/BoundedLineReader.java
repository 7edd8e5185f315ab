package io.rapport.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads '\n'-terminated lines with a hard byte limit per line, so a 10 MB line or a file without newlines
 * costs at most {@code maxLineBytes} of memory. Lines are decoded as strict UTF-8 (a leading BOM is dropped,
 * a trailing '\r' stripped); problems are reported on the line instead of thrown, so the caller can quarantine
 * the line and go on.
 */
public final class BoundedLineReader implements Closeable {

    /** A problem that makes a line's text unusable. */
    public enum Problem { OVERSIZED, INVALID_ENCODING }

    /**
     * @param number  1-based physical line number
     * @param text    decoded text; for a problem line, a lossy preview for the quarantine table
     * @param problem null when the line is usable
     */
    public record Line(long number, String text, Problem problem) {
    }

    private static final int PREVIEW_BYTES = 4 * SourceRecord.MAX_RAW_CHARS;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPos;
    private int bufferLen;
    private byte[] line = new byte[1024];
    private long lineNumber;
    private boolean atStart = true;
    private Line peeked;
    private final boolean bytesAsLatin1;

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, false);
    }

    /**
     * @param bytesAsLatin1 decode each byte as one ISO-8859-1 char instead of strict UTF-8: never fails, and
     *                      {@code text.getBytes(ISO_8859_1)} gives the line's bytes back (for MIME, whose parts
     *                      declare their own charsets)
     */
    public BoundedLineReader(InputStream in, int maxLineBytes, boolean bytesAsLatin1) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.bytesAsLatin1 = bytesAsLatin1;
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** The next line without consuming it, or null at end of input. */
    public Line peek() throws IOException {
        if (peeked == null) {
            peeked = readLine();
        }
        return peeked;
    }

    /** The next line, or null at end of input. */
    public Line next() throws IOException {
        Line l = peek();
        peeked = null;
        return l;
    }

    private Line readLine() throws IOException {
        int len = 0;
        long total = 0;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferLen) {
                bufferLen = in.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferLen <= 0) {
                    bufferLen = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = bufferPos;
            int nl = -1;
            for (int i = start; i < bufferLen; i++) {
                if (buffer[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? bufferLen : nl;
            int chunk = end - start;
            total += chunk;
            // Past the limit the rest of the line is skipped, not stored; its start serves as the preview.
            int keep = Math.min(chunk, maxLineBytes - len);
            if (keep > 0) {
                if (len + keep > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, len + keep));
                }
                System.arraycopy(buffer, start, line, len, keep);
                len += keep;
            }
            bufferPos = nl < 0 ? bufferLen : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        lineNumber++;
        int from = 0;
        if (atStart) {
            atStart = false;
            if (len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                from = 3;
                total -= 3;
            }
        }
        if (total > maxLineBytes) {
            return new Line(lineNumber, lossy(from, Math.min(len, from + PREVIEW_BYTES)), Problem.OVERSIZED);
        }
        int to = len;
        if (to > from && line[to - 1] == '\r') {
            to--;
        }
        if (bytesAsLatin1) {
            return new Line(lineNumber, new String(line, from, to - from, StandardCharsets.ISO_8859_1), null);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, from, to - from));
            return new Line(lineNumber, chars.toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, lossy(from, Math.min(to, from + PREVIEW_BYTES)), Problem.INVALID_ENCODING);
        }
    }

    private String lossy(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
