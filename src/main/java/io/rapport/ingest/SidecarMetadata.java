package io.rapport.ingest;

import io.rapport.model.Conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conversation metadata kept beside vendor files that lack it (a Transcribe job knows no agent, a WebVTT file no
 * start time): a CSV whose header has {@code metadata_key}, one row per conversation, keyed by what the vendor file
 * does carry (Transcribe job name, Contact Lens contact id, CCAI conversation id, or the file's base name).
 * A sidecar is recognised by that header, wherever it sits in the night's folder. The read stage loads every
 * sidecar before it reads transcripts; rows that cannot be used go to quarantine like any other record.
 */
public final class SidecarMetadata implements Serializable {

    public static final String KEY_COLUMN = "metadata_key";
    static final List<String> COLUMNS = List.of(KEY_COLUMN, "conversation_id", "started_at", "agent_id", "team_id",
            "customer_id", "queue", "agent_speaker");

    public static final SidecarMetadata EMPTY = new SidecarMetadata(Map.of());

    /** One sidecar row; blank values are null (the file's own value, if any, then stands). */
    public record Row(String key, String conversationId, String startedAt, String agentId, String teamId,
                      String customerId, String queue, String agentSpeaker) implements Serializable {
    }

    private final Map<String, Row> rows;

    private SidecarMetadata(Map<String, Row> rows) {
        this.rows = rows;
    }

    /** The row for a key, or null. */
    public Row lookup(String key) {
        return key == null ? null : rows.get(key);
    }

    public int size() {
        return rows.size();
    }

    /**
     * Completes a vendor draft with its sidecar row (if any) and validates it. When a field only the sidecar can
     * give is missing, the reason says which key the sidecar row needs.
     */
    Conversation complete(String format, String key, ConversationDraft draft) throws InvalidRecordException {
        Row row = lookup(key);
        try {
            return ConversationValidator.validate(draft.withMetadata(row));
        } catch (InvalidRecordException e) {
            if (row != null || e.code() != ReasonCode.MISSING_FIELD
                    || !e.getMessage().matches("(conversation_id|started_at|agent_id) .*")) {
                throw e;
            }
            throw new InvalidRecordException(e.code(), e.getMessage() + "; a " + format + " file does not carry it:"
                    + " add a row with metadata_key '" + key + "' to a sidecar metadata CSV (docs/input-format.md)");
        }
    }

    /** Whether a file's first line is a sidecar header. */
    public static boolean isSidecar(FileHead head) {
        return CsvExportFormat.header(head.firstLine()).contains(KEY_COLUMN);
    }

    /** Sidecar files read so far, and the rows that could not be used. */
    public static final class Builder {
        private final Map<String, Row> rows = new HashMap<>();
        private final Map<String, String> definedAt = new HashMap<>();
        private final List<IngestResult.Quarantined> problems = new ArrayList<>();
        private final int maxRecordBytes;

        public Builder(int maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
        }

        /** Reads one sidecar file; call in a fixed file order, since the first definition of a key wins. */
        public Builder read(String file, InputStream in) throws IOException {
            try (BoundedLineReader lines = new BoundedLineReader(in, maxRecordBytes)) {
                CsvRecordReader reader = new CsvRecordReader(lines);
                CsvRecordReader.Row header = reader.next();
                if (header == null || !header.ok()) {
                    return this;
                }
                Map<String, Integer> columns = new LinkedHashMap<>();
                for (int i = 0; i < header.fields().size(); i++) {
                    columns.putIfAbsent(header.fields().get(i).trim().toLowerCase(Locale.ROOT), i);
                }
                for (CsvRecordReader.Row r = reader.next(); r != null; r = reader.next()) {
                    add(file, r, columns, header.fields().size());
                }
            }
            return this;
        }

        private void add(String file, CsvRecordReader.Row r, Map<String, Integer> columns, int width) {
            SourceRecord source = new SourceRecord(file, r.line(), r.raw());
            if (!r.ok()) {
                problems.add(new IngestResult.Quarantined(source, null, r.problem(), "metadata " + r.message()));
                return;
            }
            if (r.fields().size() != width) {
                problems.add(new IngestResult.Quarantined(source, null, ReasonCode.MALFORMED_CSV, "metadata line "
                        + r.line() + " has " + r.fields().size() + " fields, the header has " + width));
                return;
            }
            String[] v = new String[COLUMNS.size()];
            for (int i = 0; i < v.length; i++) {
                Integer at = columns.get(COLUMNS.get(i));
                String value = at == null ? null : r.fields().get(at).trim();
                v[i] = value == null || value.isEmpty() ? null : value;
            }
            if (v[0] == null) {
                problems.add(new IngestResult.Quarantined(source, null, ReasonCode.MISSING_FIELD,
                        "metadata line " + r.line() + ": " + KEY_COLUMN + " is blank, so the row completes no file"));
                return;
            }
            Row row = new Row(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
            Row earlier = rows.putIfAbsent(row.key(), row);
            String here = file + " line " + r.line();
            if (earlier == null) {
                definedAt.put(row.key(), here);
            } else if (!earlier.equals(row)) {
                problems.add(new IngestResult.Quarantined(source, row.conversationId(),
                        ReasonCode.CONFLICTING_METADATA, "metadata for '" + row.key() + "' differs from "
                        + definedAt.get(row.key()) + ", which is kept"));
            }
            // An identical repeat (the same sidecar exported twice) adds nothing and loses nothing.
        }

        public SidecarMetadata metadata() {
            return new SidecarMetadata(Map.copyOf(rows));
        }

        public List<IngestResult.Quarantined> problems() {
            return List.copyOf(problems);
        }
    }

    /**
     * Sidecars in the read stage: recognised so they are not reported as unsupported, and read for nothing,
     * because their rows were loaded (and their problems quarantined) before the transcripts were read.
     */
    static final class Format implements TranscriptFormat {
        @Override
        public String name() {
            return "metadata";
        }

        @Override
        public boolean recognizes(FileHead head) {
            return isSidecar(head);
        }

        @Override
        public RecordSource open(String file, InputStream in, IngestSettings settings) {
            return () -> null;
        }
    }
}
