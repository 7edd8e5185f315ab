package io.rapport.ingest;

import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every validation rule of the input contract, through the canonical JSON Lines adapter. */
class JsonLinesFormatTest {

    static final String VOICE = """
            {"conversation_id": "c-1", "channel": "voice", "started_at": "2026-11-22T09:02:11Z", "agent_id": "ag-11",
             "team_id": "t-north", "customer_id": "cu-501", "queue": "billing",
             "utterances": [
               {"speaker": "agent", "start_ms": 0, "end_ms": 3100, "text": "Thanks for calling."},
               {"speaker": "customer", "start_ms": 3300, "end_ms": 9000, "text": "My bill is wrong."}]}"""
            .replace("\n", " ");

    static IngestResult parse(String json) {
        return JsonLinesFormat.parse(new SourceRecord("f.jsonl", 7, json), json);
    }

    static IngestResult.Quarantined rejected(String json, ReasonCode expected) {
        IngestResult r = parse(json);
        IngestResult.Quarantined q = assertInstanceOf(IngestResult.Quarantined.class, r, () -> "accepted: " + json);
        assertEquals(expected, q.code(), q.message());
        assertEquals(7, q.source().line());
        assertEquals("f.jsonl", q.source().file());
        return q;
    }

    @Test
    void acceptsAValidVoiceConversation() {
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, parse(VOICE)).conversation();
        assertEquals("c-1", c.conversationId());
        assertEquals(Channel.VOICE, c.channel());
        assertEquals(Instant.parse("2026-11-22T09:02:11Z"), c.startedAt());
        assertEquals("ag-11", c.agentId());
        assertEquals("cu-501", c.customerId());
        assertEquals(2, c.utterances().size());
        assertEquals(Speaker.CUSTOMER, c.utterances().get(1).speaker());
        assertEquals(1, c.utterances().get(1).index());
        assertEquals(3300, c.utterances().get(1).startMs());
        assertEquals(9000L, c.utterances().get(1).endMs());
    }

    @Test
    void chatMessagesArePointsInTimeAndOptionalFieldsMayBeNullOrAbsent() {
        String chat = """
                {"conversation_id": "c-2", "channel": "CHAT", "started_at": "2026-11-22T10:00:00+01:00",
                 "agent_id": "ag-1", "team_id": null,
                 "utterances": [{"speaker": "Customer", "start_ms": 0, "text": "hi"},
                                {"speaker": "agent", "start_ms": 4000, "end_ms": null, "text": "hello"},
                                {"speaker": "bot", "start_ms": 5000, "end_ms": 6000, "text": "stray end_ms"}]}"""
                .replace("\n", " ");
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, parse(chat)).conversation();
        assertEquals(Channel.CHAT, c.channel());
        assertEquals(Instant.parse("2026-11-22T09:00:00Z"), c.startedAt(), "offset converted to UTC");
        assertNull(c.teamId());
        assertNull(c.customerId());
        assertNull(c.queue());
        assertNull(c.utterances().get(2).endMs(), "end_ms is ignored on chat messages");
    }

    @Test
    void malformedJson() {
        rejected("{\"conversation_id\": \"c-1\", \"channel\": ", ReasonCode.MALFORMED_JSON);
        rejected("[1, 2]", ReasonCode.MALFORMED_JSON);
        rejected(VOICE + " {}", ReasonCode.MALFORMED_JSON);
        rejected("{\"a\": 1, \"a\": 2}", ReasonCode.MALFORMED_JSON);
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutBlowingTheStack() {
        String deep = "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        rejected(deep, ReasonCode.MALFORMED_JSON);
    }

    @ParameterizedTest(name = "{0} missing")
    @CsvSource({"conversation_id", "channel", "started_at", "agent_id", "utterances"})
    void missingRequiredConversationField(String field) {
        String json = VOICE.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\[)", "\"ignored_" + field + "\": $1");
        IngestResult.Quarantined q = rejected(json, ReasonCode.MISSING_FIELD);
        assertTrue(q.message().contains(field), q.message());
    }

    @Test
    void blankRequiredFieldCountsAsMissing() {
        rejected(VOICE.replace("\"ag-11\"", "\"  \""), ReasonCode.MISSING_FIELD);
    }

    @Test
    void quarantineKeepsTheConversationIdWhenReadable() {
        assertEquals("c-1", rejected(VOICE.replace("\"voice\"", "\"fax\""), ReasonCode.UNKNOWN_CHANNEL)
                .conversationId());
    }

    @Test
    void unknownSpeaker() {
        rejected(VOICE.replace("\"customer\"", "\"supervisor\""), ReasonCode.UNKNOWN_SPEAKER);
    }

    @Test
    void endBeforeStart() {
        IngestResult.Quarantined q = rejected(VOICE.replace("\"end_ms\": 9000", "\"end_ms\": 3000"),
                ReasonCode.END_BEFORE_START);
        assertTrue(q.message().contains("utterances[1]"), q.message());
    }

    @Test
    void negativeOffsets() {
        rejected(VOICE.replace("\"start_ms\": 3300", "\"start_ms\": -5"), ReasonCode.NEGATIVE_OFFSET);
        rejected(VOICE.replace("\"end_ms\": 3100", "\"end_ms\": -1"), ReasonCode.NEGATIVE_OFFSET);
    }

    @Test
    void voiceUtteranceWithoutEnd() {
        rejected(VOICE.replace(", \"end_ms\": 9000", ""), ReasonCode.MISSING_END_MS);
        rejected(VOICE.replace("\"end_ms\": 9000", "\"end_ms\": null"), ReasonCode.MISSING_END_MS);
    }

    @Test
    void emptyUtteranceList() {
        rejected(VOICE.replaceFirst("\\[.*]", "[]"), ReasonCode.EMPTY_UTTERANCES);
    }

    @Test
    void wrongTypesAndImpossibleValues() {
        rejected(VOICE.replace("\"start_ms\": 3300", "\"start_ms\": \"3300\""), ReasonCode.INVALID_FIELD);
        rejected(VOICE.replace("\"start_ms\": 3300", "\"start_ms\": 3300.5"), ReasonCode.INVALID_FIELD);
        rejected(VOICE.replace("\"start_ms\": 3300", "\"start_ms\": 99999999999999999999999"), ReasonCode.INVALID_FIELD);
        rejected(VOICE.replace("\"end_ms\": 9000", "\"end_ms\": 9000000000000"), ReasonCode.INVALID_FIELD);
        rejected(VOICE.replace("\"c-1\"", "17"), ReasonCode.INVALID_FIELD);
        rejected(VOICE.replace("2026-11-22T09:02:11Z", "22/11/2026 09:02"), ReasonCode.INVALID_FIELD);
        rejected(VOICE.replaceFirst("\\[.*]", "{}"), ReasonCode.INVALID_FIELD);
        rejected(VOICE.replace("\"text\": \"My bill is wrong.\"", "\"text\": null"), ReasonCode.MISSING_FIELD);
    }
}
