package io.rapport.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The flat export most contact-centre platforms produce: one RFC 4180 row per utterance, conversation-level
 * columns repeated on each row, a header naming the columns in any order. A conversation's rows need not be
 * adjacent, so a file's conversations are grouped in memory before they are emitted (in first-seen order).
 * A record here is a conversation, or a row that could not be attributed to one.
 */
public final class CsvExportFormat implements TranscriptFormat {

    static final List<String> CONVERSATION_COLUMNS =
            List.of("channel", "started_at", "agent_id", "team_id", "customer_id", "queue");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public boolean recognizes(FileHead head) {
        List<String> header = header(head.firstLine());
        return header.contains("conversation_id")
                && (header.contains("speaker") || header.contains("text") || header.contains("utterance_index"));
    }

    static List<String> header(String line) {
        List<String> names = new ArrayList<>();
        for (String name : line.split(",", -1)) {
            names.add(name.trim().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        return names;
    }

    @Override
    public RecordSource open(String file, InputStream in, IngestSettings settings) {
        BoundedLineReader lines = new BoundedLineReader(in, settings.maxRecordBytes());
        Deque<IngestResult> results = new ArrayDeque<>();
        boolean[] read = {false};
        return () -> {
            if (!read[0]) {
                read[0] = true;
                readAll(file, new CsvRecordReader(lines), results::add);
            }
            return results.poll();
        };
    }

    private static void readAll(String file, CsvRecordReader reader, Consumer<IngestResult> out) throws IOException {
        CsvRecordReader.Row headerRow = reader.next();
        if (headerRow == null) {
            return;
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = headerRow.ok() ? headerRow.fields().stream()
                .map(n -> n.trim().toLowerCase(Locale.ROOT)).toList() : header(headerRow.raw());
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CsvRecordReader.Row next = reader.next(); next != null; next = reader.next()) {
            CsvRecordReader.Row row = next;
            SourceRecord source = new SourceRecord(file, row.line(), row.raw());
            if (!row.ok() || row.fields().size() != names.size()) {
                String message = row.ok()
                        ? "line " + row.line() + " has " + row.fields().size() + " fields, the header has " + names.size()
                        : row.message();
                ReasonCode code = row.ok() ? ReasonCode.MALFORMED_CSV : row.problem();
                String id = attributableId(row, columns);
                out.accept(new IngestResult.Quarantined(source, id, code, message));
                if (id != null) {
                    groups.computeIfAbsent(id, k -> new Group(file, row.line())).markIncomplete(row.line(), code);
                }
                continue;
            }
            String id = value(row.fields(), columns, "conversation_id");
            if (id == null || id.isBlank()) {
                out.accept(new IngestResult.Quarantined(source, null, ReasonCode.MISSING_FIELD,
                        "line " + row.line() + ": conversation_id is missing, so the row belongs to no conversation"));
                continue;
            }
            groups.computeIfAbsent(id, k -> new Group(file, row.line())).add(row, columns);
        }
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            out.accept(e.getValue().toResult(e.getKey(), columns));
        }
    }

    /** The conversation a broken row belongs to, when its first fields still line up with the header. */
    private static String attributableId(CsvRecordReader.Row row, Map<String, Integer> columns) {
        Integer at = columns.get("conversation_id");
        if (!row.ok() || at == null || at >= row.fields().size()) {
            return null;
        }
        String id = row.fields().get(at);
        return id.isBlank() ? null : id;
    }

    private static String value(List<String> fields, Map<String, Integer> columns, String column) {
        Integer at = columns.get(column);
        return at == null ? null : fields.get(at);
    }

    /** Empty CSV fields mean null for optional and numeric columns. */
    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The rows of one conversation in one file. */
    private static final class Group {
        private final String file;
        private final long firstLine;
        private final StringBuilder raw = new StringBuilder();
        private final List<List<String>> rows = new ArrayList<>();
        private final List<Long> rowLines = new ArrayList<>();
        private long textChars;
        private InvalidRecordException problem;

        Group(String file, long firstLine) {
            this.file = file;
            this.firstLine = firstLine;
        }

        void add(CsvRecordReader.Row row, Map<String, Integer> columns) {
            if (raw.length() < SourceRecord.MAX_RAW_CHARS) {
                raw.append(row.raw()).append('\n');
            }
            if (problem == null && !rows.isEmpty()) {
                for (String column : CONVERSATION_COLUMNS) {
                    String expected = value(rows.get(0), columns, column);
                    String actual = value(row.fields(), columns, column);
                    if (!Objects.equals(expected, actual)) {
                        problem = new InvalidRecordException(ReasonCode.INCONSISTENT_CONVERSATION, "line "
                                + row.line() + ": " + column + " '" + actual + "' differs from '" + expected
                                + "' on line " + rowLines.get(0));
                        break;
                    }
                }
            }
            if (problem != null) {
                // The group is quarantined whatever follows: stop holding its rows, so memory stays bounded.
                rows.clear();
                return;
            }
            String text = value(row.fields(), columns, "text");
            textChars += text == null ? 0 : text.length();
            try {
                ConversationValidator.checkSize(rows.size() + 1, textChars);
            } catch (InvalidRecordException tooLarge) {
                problem = tooLarge;
                rows.clear();
                return;
            }
            rows.add(row.fields());
            rowLines.add(row.line());
        }

        void markIncomplete(long line, ReasonCode cause) {
            if (problem == null) {
                problem = new InvalidRecordException(ReasonCode.INCOMPLETE_CONVERSATION,
                        "line " + line + " of this conversation could not be read (" + cause + ")");
            }
        }

        IngestResult toResult(String id, Map<String, Integer> columns) {
            SourceRecord source = new SourceRecord(file, firstLine, raw.toString());
            try {
                if (problem != null) {
                    throw problem;
                }
                return new IngestResult.Accepted(source, ConversationValidator.validate(draft(id, columns)));
            } catch (InvalidRecordException e) {
                return IngestResult.Quarantined.of(source, id, e);
            }
        }

        private ConversationDraft draft(String id, Map<String, Integer> columns) throws InvalidRecordException {
            List<Integer> order = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                order.add(r);
                indexes.add(number(r, columns, "utterance_index"));
            }
            order.sort(Comparator.comparing(r -> indexes.get(r), Comparator.nullsLast(Comparator.naturalOrder())));
            List<ConversationDraft.UtteranceDraft> utterances = new ArrayList<>(rows.size());
            for (int k = 0; k < order.size(); k++) {
                int r = order.get(k);
                Long index = indexes.get(r);
                if (index == null) {
                    throw new InvalidRecordException(ReasonCode.MISSING_FIELD,
                            "line " + rowLines.get(r) + ": utterance_index is missing");
                }
                if (index != k) {
                    throw new InvalidRecordException(ReasonCode.INVALID_FIELD, "line " + rowLines.get(r)
                            + ": utterance_index " + index + " where " + k
                            + " was expected; indexes must run 0..n-1 without gaps or repeats");
                }
                List<String> f = rows.get(r);
                utterances.add(new ConversationDraft.UtteranceDraft(nullIfEmpty(value(f, columns, "speaker")),
                        number(r, columns, "start_ms"), number(r, columns, "end_ms"), value(f, columns, "text")));
            }
            List<String> first = rows.get(0);
            return new ConversationDraft(id, nullIfEmpty(value(first, columns, "channel")),
                    nullIfEmpty(value(first, columns, "started_at")), nullIfEmpty(value(first, columns, "agent_id")),
                    nullIfEmpty(value(first, columns, "team_id")), nullIfEmpty(value(first, columns, "customer_id")),
                    nullIfEmpty(value(first, columns, "queue")), utterances);
        }

        private Long number(int r, Map<String, Integer> columns, String column) throws InvalidRecordException {
            String text = nullIfEmpty(value(rows.get(r), columns, column));
            if (text == null) {
                return null;
            }
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRecordException(ReasonCode.INVALID_FIELD, "line " + rowLines.get(r) + ": "
                        + column + " '" + text + "' is not an integer");
            }
        }
    }
}
