package io.rapport.ingest;

/** Why a record went to quarantine. Codes are stable: dashboards and alerts group by them. */
public enum ReasonCode {
    MALFORMED_JSON("the line is not a single valid JSON object"),
    MALFORMED_CSV("the row does not follow RFC 4180 or the header's column count"),
    INVALID_ENCODING("the bytes are not valid UTF-8"),
    OVERSIZED_RECORD("the record is larger than the configured maximum"),
    UNSUPPORTED_FORMAT("the file's structure matches no known transcript format"),
    UNREADABLE_FILE("the file could not be opened or read to the end"),
    MISSING_FIELD("a required field is absent or null"),
    INVALID_FIELD("a field has the wrong type or an impossible value"),
    UNKNOWN_CHANNEL("channel is not voice, chat or email"),
    UNKNOWN_SPEAKER("speaker is not agent, customer, system or bot"),
    NEGATIVE_OFFSET("an utterance offset is below zero"),
    END_BEFORE_START("an utterance ends before it starts"),
    MISSING_END_MS("a voice utterance has no end_ms"),
    EMPTY_UTTERANCES("the conversation has no utterances"),
    TOO_MANY_UTTERANCES("the conversation has more utterances than one conversation may have (20,000)"),
    INCONSISTENT_CONVERSATION("CSV rows of one conversation disagree on a conversation-level column"),
    SPLIT_CONVERSATION("CSV rows of a conversation already read lie too far apart in the file to join it"),
    INCOMPLETE_CONVERSATION("a CSV row of this conversation could not be read, so the conversation is incomplete"),
    DUPLICATE_CONVERSATION_ID("the conversation_id was already read this night; the first occurrence is kept"),
    CONFLICTING_METADATA("a sidecar metadata row disagrees with an earlier row for the same key; the earlier one is kept"),
    MALFORMED_EMAIL("the email message cannot be parsed as RFC 5322 / MIME"),
    DUPLICATE_MESSAGE("an email with this Message-ID was already read this night; the first copy is kept"),
    UNANSWERED_THREAD("no message of the email thread comes from an agent address, so there is no agent to measure"),
    MALFORMED_WEBVTT("the WebVTT file breaks the cue syntax (timing line, timestamps)");

    private final String description;

    ReasonCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
