package io.rapport.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records on top of {@link BoundedLineReader}: comma-separated, fields optionally double-quoted,
 * quotes doubled inside quoted fields, line breaks allowed inside quoted fields. A record spanning lines
 * reports the line it starts on. Blank lines between records are skipped.
 */
final class CsvRecordReader {

    /** A record, or the reason it could not be read (then {@code fields} is null). */
    record Row(long line, String raw, List<String> fields, ReasonCode problem, String message) {
        boolean ok() {
            return problem == null;
        }
    }

    private final BoundedLineReader lines;

    CsvRecordReader(BoundedLineReader lines) {
        this.lines = lines;
    }

    /** The next record, or null at end of input. */
    Row next() throws IOException {
        BoundedLineReader.Line first = lines.next();
        while (first != null && first.problem() == null && first.text().isBlank()) {
            first = lines.next();
        }
        if (first == null) {
            return null;
        }
        if (first.problem() != null) {
            IngestResult.Quarantined q = TranscriptFormat.lineProblem("", first, lines.maxLineBytes());
            return new Row(first.number(), first.text(), null, q.code(), q.message());
        }
        StringBuilder text = new StringBuilder(first.text());
        while (true) {
            ParseOutcome p = parse(text);
            if (p.fields != null) {
                return new Row(first.number(), text.toString(), p.fields, null, null);
            }
            if (!p.needsMoreLines) {
                return new Row(first.number(), text.toString(), null, ReasonCode.MALFORMED_CSV,
                        "line " + first.number() + ": " + p.error);
            }
            BoundedLineReader.Line more = lines.next();
            if (more == null) {
                return new Row(first.number(), text.toString(), null, ReasonCode.MALFORMED_CSV,
                        "line " + first.number() + ": quoted field is not closed before the end of the file");
            }
            if (more.problem() != null || text.length() + more.text().length() > lines.maxLineBytes()) {
                ReasonCode code = more.problem() == BoundedLineReader.Problem.INVALID_ENCODING
                        ? ReasonCode.INVALID_ENCODING : ReasonCode.OVERSIZED_RECORD;
                return new Row(first.number(), text.toString(), null, code, "line " + first.number()
                        + ": record continuing on line " + more.number() + " is "
                        + (code == ReasonCode.INVALID_ENCODING ? "not valid UTF-8" : "over the maximum record size"));
            }
            text.append('\n').append(more.text());
        }
    }

    private record ParseOutcome(List<String> fields, boolean needsMoreLines, String error) {
    }

    private static ParseOutcome parse(CharSequence s) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (true) {
            field.setLength(0);
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return new ParseOutcome(null, true, null);
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && s.charAt(i) != ',') {
                    return new ParseOutcome(null, false, "unexpected character after closing quote in field "
                            + (fields.size() + 1));
                }
            } else {
                while (i < n && s.charAt(i) != ',') {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        return new ParseOutcome(null, false, "quote inside unquoted field " + (fields.size() + 1));
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return new ParseOutcome(fields, false, null);
            }
            i++; // the comma
        }
    }
}
