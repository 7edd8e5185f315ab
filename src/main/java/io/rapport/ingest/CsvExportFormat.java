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

/**
 * The flat export most contact-centre platforms produce: one RFC 4180 row per utterance, conversation-level
 * columns repeated on each row, a header naming the columns in any order. A conversation's rows need not be
 * adjacent: they are grouped while the conversation is open, and memory is bounded by a window of held rows, so an
 * export of any size streams. A record here is a conversation, or a row that could not be attributed to one.
 */
public final class CsvExportFormat implements TranscriptFormat {

    static final List<String> CONVERSATION_COLUMNS =
            List.of("channel", "started_at", "agent_id", "team_id", "customer_id", "queue");

    /** Characters of rows held per file before the earliest-started open conversations are emitted. */
    static final long WINDOW_CHARS = 16L << 20;

    private final long windowChars;

    public CsvExportFormat() {
        this(WINDOW_CHARS);
    }

    CsvExportFormat(long windowChars) {
        this.windowChars = windowChars;
    }

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
        return new Rows(file, new CsvRecordReader(new BoundedLineReader(in, settings.maxRecordBytes())), windowChars);
    }

    /**
     * Reads rows on demand and holds only the conversations still open. Exports normally keep a conversation's rows
     * together (or interleave the conversations running at the same time when sorted by time), so a conversation
     * first seen long ago is finished: once the held rows exceed the window, the earliest-started conversations
     * are emitted. A row of a conversation already emitted cannot join it any more and is quarantined, named.
     */
    private static final class Rows implements RecordSource {
        private final String file;
        private final CsvRecordReader reader;
        private final long windowChars;
        private final Deque<IngestResult> ready = new ArrayDeque<>();
        private final Map<String, Group> open = new LinkedHashMap<>();
        private final Map<String, Long> emitted = new HashMap<>();
        private Map<String, Integer> columns;
        private List<String> names;
        private long heldChars;
        private boolean ended;

        Rows(String file, CsvRecordReader reader, long windowChars) {
            this.file = file;
            this.reader = reader;
            this.windowChars = windowChars;
        }

        @Override
        public IngestResult next() throws IOException {
            while (ready.isEmpty() && !ended) {
                CsvRecordReader.Row row = reader.next();
                if (row == null) {
                    ended = true;
                    open.values().forEach(this::emit);
                    open.clear();
                } else if (columns == null) {
                    readHeader(row);
                } else {
                    take(row);
                }
            }
            return ready.poll();
        }

        private void readHeader(CsvRecordReader.Row headerRow) {
            names = headerRow.ok() ? headerRow.fields().stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList()
                    : header(headerRow.raw());
            columns = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                columns.putIfAbsent(names.get(i), i);
            }
        }

        private void take(CsvRecordReader.Row row) {
            SourceRecord source = new SourceRecord(file, row.line(), row.raw());
            if (!row.ok() || row.fields().size() != names.size()) {
                String message = row.ok()
                        ? "line " + row.line() + " has " + row.fields().size() + " fields, the header has " + names.size()
                        : row.message();
                ReasonCode code = row.ok() ? ReasonCode.MALFORMED_CSV : row.problem();
                String id = attributableId(row, columns);
                ready.add(new IngestResult.Quarantined(source, id, code, message));
                if (id != null) {
                    group(id, row.line()).markIncomplete(row.line(), code);
                }
                return;
            }
            String id = value(row.fields(), columns, "conversation_id");
            if (id == null || id.isBlank()) {
                ready.add(new IngestResult.Quarantined(source, null, ReasonCode.MISSING_FIELD,
                        "line " + row.line() + ": conversation_id is missing, so the row belongs to no conversation"));
                return;
            }
            Group group = group(id, row.line());
            long before = group.heldChars();
            group.add(row, columns);
            heldChars += group.heldChars() - before;
            // The group just added to stays open: it is the one most likely to get more rows.
            while (heldChars > windowChars && open.size() > 1) {
                Map.Entry<String, Group> eldest = open.entrySet().iterator().next();
                open.remove(eldest.getKey());
                emit(eldest.getValue());
            }
        }

        private Group group(String id, long line) {
            return open.computeIfAbsent(id, k -> {
                Group g = new Group(file, k, line);
                Long emittedAt = emitted.get(k);
                if (emittedAt != null) {
                    g.markSplit(line, emittedAt);
                }
                return g;
            });
        }

        private void emit(Group group) {
            heldChars -= group.heldChars();
            emitted.putIfAbsent(group.id, group.firstLine);
            ready.add(group.toResult(columns));
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
        private final String id;
        private final long firstLine;
        private final StringBuilder raw = new StringBuilder();
        private final List<List<String>> rows = new ArrayList<>();
        private final List<Long> rowLines = new ArrayList<>();
        private long textChars;
        private long rowChars;
        private InvalidRecordException problem;

        Group(String file, String id, long firstLine) {
            this.file = file;
            this.id = id;
            this.firstLine = firstLine;
        }

        /** Characters this group holds: its rows, and the raw preview kept for quarantine (what the window counts). */
        long heldChars() {
            return rowChars + raw.length();
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
                release();
                return;
            }
            String text = value(row.fields(), columns, "text");
            textChars += text == null ? 0 : text.length();
            try {
                ConversationValidator.checkSize(rows.size() + 1, textChars);
            } catch (InvalidRecordException tooLarge) {
                problem = tooLarge;
                release();
                return;
            }
            rows.add(row.fields());
            rowLines.add(row.line());
            rowChars += row.raw().length();
        }

        private void release() {
            rows.clear();
            rowChars = 0;
        }

        /** Rows of a conversation that was already emitted: they cannot join it, so they form a quarantined record. */
        void markSplit(long line, long emittedAt) {
            problem = new InvalidRecordException(ReasonCode.SPLIT_CONVERSATION, "line " + line + ": conversation '"
                    + id + "' (first row on line " + emittedAt + ") was already read; its rows lie too far apart"
                    + " in the file to be joined, so keep a conversation's rows together in the export");
        }

        void markIncomplete(long line, ReasonCode cause) {
            if (problem == null) {
                problem = new InvalidRecordException(ReasonCode.INCOMPLETE_CONVERSATION,
                        "line " + line + " of this conversation could not be read (" + cause + ")");
            }
        }

        IngestResult toResult(Map<String, Integer> columns) {
            SourceRecord source = new SourceRecord(file, firstLine, raw.toString());
            try {
                if (problem != null) {
                    throw problem;
                }
                return new IngestResult.Accepted(source, ConversationValidator.validate(draft(columns)));
            } catch (InvalidRecordException e) {
                return IngestResult.Quarantined.of(source, id, e);
            }
        }

        private ConversationDraft draft(Map<String, Integer> columns) throws InvalidRecordException {
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
