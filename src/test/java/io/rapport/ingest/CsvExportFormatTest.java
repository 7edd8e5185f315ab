package io.rapport.ingest;

import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /** Rows of {@code conversations} chats with {@code rows} rows each, in the order {@code rowOrder} gives. */
    static String export(int conversations, int rows, boolean interleaved) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int a = 0; a < (interleaved ? rows : conversations); a++) {
            for (int b = 0; b < (interleaved ? conversations : rows); b++) {
                int c = interleaved ? b : a;
                int u = interleaved ? a : b;
                csv.append("c-").append(c).append(",chat,2026-11-22T09:00:00Z,ag-1,,,,").append(u)
                        .append(u % 2 == 0 ? ",customer," : ",agent,").append(u * 1000).append(",,utterance ")
                        .append(u).append(" of conversation ").append(c).append('\n');
            }
        }
        return csv.toString();
    }

    static List<IngestResult> readAll(TranscriptFormat.RecordSource source) throws IOException {
        List<IngestResult> out = new ArrayList<>();
        for (IngestResult r = source.next(); r != null; r = source.next()) {
            out.add(r);
        }
        return out;
    }

    static TranscriptFormat.RecordSource open(CsvExportFormat format, InputStream in) {
        return format.open("export.csv", in, IngestSettings.of(10_000));
    }

    @Test
    void conversationsStreamOutWhileTheFileIsStillBeingRead() throws IOException {
        byte[] csv = export(2_000, 4, false).getBytes(StandardCharsets.UTF_8);
        long[] consumed = {0};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(csv)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                consumed[0] += Math.max(n, 0);
                return n;
            }
        };
        TranscriptFormat.RecordSource source = open(new CsvExportFormat(4_096), counting);
        Conversation first = assertInstanceOf(IngestResult.Accepted.class, source.next()).conversation();
        assertEquals("c-0", first.conversationId());
        assertEquals(4, first.utterances().size());
        assertTrue(consumed[0] < csv.length / 4, "read " + consumed[0] + " of " + csv.length + " bytes for the first");
        List<IngestResult> rest = readAll(source);
        assertEquals(1_999, rest.size());
        assertTrue(rest.stream().allMatch(r -> r instanceof IngestResult.Accepted), "every conversation is whole");
        assertEquals("c-1999", ((IngestResult.Accepted) rest.get(1_998)).conversation().conversationId());
    }

    @Test
    void conversationsInterleavedWithinTheWindowAreStillJoined() throws IOException {
        // A time-sorted export: the rows of conversations running at the same time alternate.
        String csv = export(20, 6, true);
        // The window counts each row twice (parsed fields and quarantine preview), so this one holds the whole file.
        List<IngestResult> r = readAll(open(new CsvExportFormat(2L * csv.length()),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertEquals(20, r.size());
        for (IngestResult result : r) {
            assertEquals(6, assertInstanceOf(IngestResult.Accepted.class, result).conversation().utterances().size());
        }
    }

    @Test
    void rowsOfAConversationAlreadyEmittedAreQuarantinedNotLost() throws IOException {
        String csv = export(20, 6, true);
        List<IngestResult> r = readAll(open(new CsvExportFormat(csv.length() / 4),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        long accepted = r.stream().filter(x -> x instanceof IngestResult.Accepted).count();
        List<IngestResult.Quarantined> split = r.stream().filter(x -> x instanceof IngestResult.Quarantined)
                .map(x -> quarantined(x, ReasonCode.SPLIT_CONVERSATION)).toList();
        assertTrue(accepted > 0 && !split.isEmpty(), accepted + " accepted, " + split.size() + " split");
        IngestResult.Quarantined late = split.get(0);
        assertTrue(late.message().contains("'" + late.conversationId() + "' (first row on line "), late.message());
        assertTrue(late.source().line() > 21, "the late part starts after the first round of rows");
        // Each split-off part is one record, and each conversation was emitted whole up to its split point.
        for (IngestResult result : r) {
            if (result instanceof IngestResult.Accepted a) {
                assertTrue(a.conversation().utterances().size() < 6, "an emitted part cannot hold later rows");
            }
        }
    }
}
