package io.rapport.ingest;

import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportFormatTest {

    static final String HEADER =
            "conversation_id,channel,started_at,agent_id,team_id,customer_id,queue,utterance_index,speaker,start_ms,end_ms,text\n";

    static List<IngestResult> read(String csv) {
        List<IngestResult> out = new ArrayList<>();
        new TranscriptFileReader(10_000, Optional.empty())
                .read("export.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
                .forEachRemaining(out::add);
        return out;
    }

    static IngestResult.Quarantined quarantined(IngestResult r, ReasonCode code) {
        IngestResult.Quarantined q = assertInstanceOf(IngestResult.Quarantined.class, r);
        assertEquals(code, q.code(), q.message());
        return q;
    }

    @Test
    void groupsRowsIntoConversationsWithQuotingAndMultilineText() {
        List<IngestResult> r = read(HEADER
                + "c-1,voice,2026-11-22T09:00:00Z,ag-1,t-1,cu-1,billing,1,customer,3000,8000,\"Hi, I was \"\"double\"\" charged\nyesterday\"\n"
                + "c-2,chat,2026-11-22T09:05:00Z,ag-2,,,,0,customer,0,,hello\n"
                + "c-1,voice,2026-11-22T09:00:00Z,ag-1,t-1,cu-1,billing,0,agent,0,2500,Thanks for calling\n");
        assertEquals(2, r.size());
        IngestResult.Accepted first = assertInstanceOf(IngestResult.Accepted.class, r.get(0));
        Conversation c1 = first.conversation();
        assertEquals(2, first.source().line(), "a conversation is located at its first row");
        assertEquals("c-1", c1.conversationId());
        assertEquals(Speaker.AGENT, c1.utterances().get(0).speaker(), "rows are ordered by utterance_index");
        assertEquals("Hi, I was \"double\" charged\nyesterday", c1.utterances().get(1).text());
        assertEquals(8000L, c1.utterances().get(1).endMs());
        Conversation c2 = assertInstanceOf(IngestResult.Accepted.class, r.get(1)).conversation();
        assertNull(c2.teamId());
        assertNull(c2.utterances().get(0).endMs());
        assertEquals(4, r.get(1).source().line(), "line numbers count physical lines, multi-line fields included");
    }

    @Test
    void columnsMayComeInAnyOrderAndExtraColumnsAreIgnored() {
        List<IngestResult> r = read("text,speaker,start_ms,end_ms,utterance_index,conversation_id,channel,started_at,agent_id,extra\n"
                + "hello,customer,0,,0,c-9,email,2026-11-22T09:00:00Z,ag-3,whatever\n");
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, r.get(0)).conversation();
        assertEquals("hello", c.utterances().get(0).text());
        assertNull(c.customerId());
    }

    @Test
    void rowWithWrongFieldCountQuarantinesItselfAndMakesItsConversationIncomplete() {
        List<IngestResult> r = read(HEADER
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,hello\n"
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,1,agent,5000\n"
                + "c-2,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,fine\n");
        assertEquals(3, r.size(), "the broken row and both conversations are each one record");
        IngestResult.Quarantined row = quarantined(r.get(0), ReasonCode.MALFORMED_CSV);
        assertEquals(3, row.source().line());
        assertEquals("c-1", row.conversationId());
        IngestResult.Quarantined conv = quarantined(r.get(1), ReasonCode.INCOMPLETE_CONVERSATION);
        assertTrue(conv.message().contains("line 3"), conv.message());
        assertInstanceOf(IngestResult.Accepted.class, r.get(2));
    }

    @Test
    void strayQuoteAndUnterminatedQuote() {
        List<IngestResult> r = read(HEADER
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,he said \"hi\"\n"
                + "c-2,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,\"never closed\n");
        quarantined(r.get(0), ReasonCode.MALFORMED_CSV);
        IngestResult.Quarantined unterminated = quarantined(r.get(1), ReasonCode.MALFORMED_CSV);
        assertTrue(unterminated.message().contains("not closed"), unterminated.message());
    }

    @Test
    void conversationLevelColumnsMustAgreeAcrossRows() {
        List<IngestResult> r = read(HEADER
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,hello\n"
                + "c-1,chat,2026-11-22T09:00:00Z,ag-2,,,,1,agent,5000,,hi\n");
        IngestResult.Quarantined q = quarantined(r.get(0), ReasonCode.INCONSISTENT_CONVERSATION);
        assertTrue(q.message().contains("agent_id"), q.message());
    }

    @Test
    void utteranceIndexesMustRunWithoutGapsOrRepeats() {
        quarantined(read(HEADER
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,a\n"
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,2,agent,5000,,b\n").get(0), ReasonCode.INVALID_FIELD);
        quarantined(read(HEADER
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,a\n"
                + "c-1,chat,2026-11-22T09:00:00Z,ag-1,,,,0,agent,5000,,b\n").get(0), ReasonCode.INVALID_FIELD);
    }

    @Test
    void contractRulesApplyToCsvToo() {
        quarantined(read(HEADER + "c-1,voice,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,no end\n").get(0),
                ReasonCode.MISSING_END_MS);
        quarantined(read(HEADER + "c-1,voice,2026-11-22T09:00:00Z,ag-1,,,,0,customer,-4,10,x\n").get(0),
                ReasonCode.NEGATIVE_OFFSET);
        quarantined(read(HEADER + "c-1,voice,2026-11-22T09:00:00Z,,,,,0,customer,0,10,x\n").get(0),
                ReasonCode.MISSING_FIELD);
        quarantined(read(HEADER + "c-1,voice,2026-11-22T09:00:00Z,ag-1,,,,0,customer,zero,10,x\n").get(0),
                ReasonCode.INVALID_FIELD);
        quarantined(read(HEADER + ",chat,2026-11-22T09:00:00Z,ag-1,,,,0,customer,0,,x\n").get(0),
                ReasonCode.MISSING_FIELD);
    }
}
