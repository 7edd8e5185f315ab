package io.rapport.ingest;

import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The input contract's rules (docs/input-format.md), applied identically to every format. */
public final class ConversationValidator {

    /** Offsets beyond a year are corrupt data, not long email threads; also keeps arithmetic far from overflow. */
    public static final long MAX_OFFSET_MS = 366L * 24 * 3600 * 1000;

    /**
     * Far above any real conversation (a 6-minute call has about 50 utterances, a day-long chat a few thousand),
     * low enough that one hostile record cannot tie up a task's memory: every utterance is tagged at once.
     */
    public static final int MAX_UTTERANCES = 20_000;
    /** About 100,000 words, a ten-hour monologue: the text one conversation may send through the tagger. */
    public static final long MAX_TEXT_CHARS = 500_000;

    private ConversationValidator() {
    }

    /** The size limits above, checked before anything is built from the record. */
    public static void checkSize(int utterances, long textChars) throws InvalidRecordException {
        if (utterances > MAX_UTTERANCES) {
            throw new InvalidRecordException(ReasonCode.TOO_MANY_UTTERANCES, "the conversation has more than "
                    + MAX_UTTERANCES + " utterances (" + utterances + (utterances == MAX_UTTERANCES + 1 ? "+" : "")
                    + ")");
        }
        if (textChars > MAX_TEXT_CHARS) {
            throw new InvalidRecordException(ReasonCode.OVERSIZED_RECORD, "the conversation's text is more than "
                    + MAX_TEXT_CHARS + " characters, the most one conversation may send through the analysis");
        }
    }

    public static Conversation validate(ConversationDraft d) throws InvalidRecordException {
        String id = required("conversation_id", d.conversationId());
        String channelCode = required("channel", d.channel());
        Channel channel = Channel.fromCode(channelCode).orElseThrow(() -> new InvalidRecordException(
                ReasonCode.UNKNOWN_CHANNEL, "channel '" + channelCode + "' is not voice, chat or email"));
        Instant startedAt = instant(required("started_at", d.startedAt()));
        String agentId = required("agent_id", d.agentId());
        if (d.utterances() == null) {
            throw new InvalidRecordException(ReasonCode.MISSING_FIELD, "utterances is missing");
        }
        if (d.utterances().isEmpty()) {
            throw new InvalidRecordException(ReasonCode.EMPTY_UTTERANCES, "utterances is empty");
        }
        long chars = 0;
        for (ConversationDraft.UtteranceDraft u : d.utterances()) {
            chars += u.text() == null ? 0 : u.text().length();
        }
        checkSize(d.utterances().size(), chars);
        List<Utterance> utterances = new ArrayList<>(d.utterances().size());
        for (int i = 0; i < d.utterances().size(); i++) {
            utterances.add(utterance(i, d.utterances().get(i), channel));
        }
        return new Conversation(id, channel, startedAt, agentId,
                optional(d.teamId()), optional(d.customerId()), optional(d.queue()), utterances,
                d.vendorFigures());
    }

    private static Utterance utterance(int i, ConversationDraft.UtteranceDraft u, Channel channel)
            throws InvalidRecordException {
        String where = "utterances[" + i + "].";
        String speakerCode = required(where + "speaker", u.speaker());
        Speaker speaker = Speaker.fromCode(speakerCode).orElseThrow(() -> new InvalidRecordException(
                ReasonCode.UNKNOWN_SPEAKER, where + "speaker '" + speakerCode + "' is not agent, customer, system or bot"));
        if (u.startMs() == null) {
            throw new InvalidRecordException(ReasonCode.MISSING_FIELD, where + "start_ms is missing");
        }
        long start = offset(where + "start_ms", u.startMs());
        Long end = null;
        if (channel.isTimed()) {
            if (u.endMs() == null) {
                throw new InvalidRecordException(ReasonCode.MISSING_END_MS,
                        where + "end_ms is missing on a voice utterance");
            }
            end = offset(where + "end_ms", u.endMs());
            if (end < start) {
                throw new InvalidRecordException(ReasonCode.END_BEFORE_START,
                        where + "end_ms " + end + " is before start_ms " + start);
            }
        }
        // Chat and email messages are points in time: a stray end_ms there is ignored, as documented.
        if (u.text() == null) {
            throw new InvalidRecordException(ReasonCode.MISSING_FIELD, where + "text is missing");
        }
        return new Utterance(i, speaker, start, end, u.text());
    }

    private static long offset(String field, long value) throws InvalidRecordException {
        if (value < 0) {
            throw new InvalidRecordException(ReasonCode.NEGATIVE_OFFSET, field + " is negative (" + value + ")");
        }
        if (value > MAX_OFFSET_MS) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD,
                    field + " " + value + " is beyond the maximum offset of " + MAX_OFFSET_MS + " ms (366 days)");
        }
        return value;
    }

    private static String required(String field, String value) throws InvalidRecordException {
        if (value == null) {
            throw new InvalidRecordException(ReasonCode.MISSING_FIELD, field + " is missing");
        }
        if (value.isBlank()) {
            throw new InvalidRecordException(ReasonCode.MISSING_FIELD, field + " is blank");
        }
        return value.trim();
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** ISO-8601 instant; an explicit offset (+01:00) is accepted and converted to UTC. */
    private static Instant instant(String text) throws InvalidRecordException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(ReasonCode.INVALID_FIELD,
                    "started_at '" + text + "' is not an ISO-8601 instant such as 2026-11-22T09:02:11Z");
        }
    }
}
