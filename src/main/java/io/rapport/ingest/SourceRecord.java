package io.rapport.ingest;

/**
 * Where a record came from.
 *
 * @param file path of the landing file
 * @param line 1-based physical line where the record starts (for CSV: the first row of the conversation)
 * @param raw  the record's text, truncated to {@link #MAX_RAW_CHARS}
 */
public record SourceRecord(String file, long line, String raw) {
    public static final int MAX_RAW_CHARS = 2000;

    public SourceRecord {
        raw = truncate(raw);
    }

    static String truncate(String text) {
        if (text == null || text.length() <= MAX_RAW_CHARS) {
            return text;
        }
        return text.substring(0, MAX_RAW_CHARS) + "…[truncated, " + text.length() + " chars]";
    }
}
