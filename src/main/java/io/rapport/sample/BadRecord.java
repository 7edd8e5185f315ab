package io.rapport.sample;

import java.util.Locale;

/**
 * The deliberately broken records a night contains when bad records are on: one of each kind, each with
 * exactly one defect so that ingest tests can tell the rejection reasons apart.
 */
public enum BadRecord {
    MALFORMED_JSON(false, "JSON line cut off mid-object"),
    MISSING_AGENT_ID(false, "conversation without an agent_id key"),
    UNKNOWN_CHANNEL(false, "channel \"fax\""),
    UNKNOWN_SPEAKER(false, "one utterance with speaker \"supervisor\""),
    END_BEFORE_START(false, "one voice utterance with end_ms < start_ms"),
    NEGATIVE_START(false, "one utterance with a negative start_ms"),
    MISSING_END_MS(false, "one voice utterance without end_ms"),
    EMPTY_UTTERANCES(false, "utterances is []"),
    CSV_WRONG_FIELD_COUNT(true, "one row of a conversation written with an unquoted comma, so 13+ fields; its other rows are valid"),
    CSV_DUPLICATE_ID(true, "whole conversation reusing a conversation_id already written to the night's JSONL");

    private final boolean csv;
    private final String description;

    BadRecord(boolean csv, String description) {
        this.csv = csv;
        this.description = description;
    }

    /** True for the kinds written to the CSV export, false for the JSON Lines ones. */
    public boolean inCsv() {
        return csv;
    }

    public String description() {
        return description;
    }

    /** Lower-case name for reports, e.g. "malformed_json". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
