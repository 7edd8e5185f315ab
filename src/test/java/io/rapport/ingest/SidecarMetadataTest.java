package io.rapport.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SidecarMetadataTest {

    private static SidecarMetadata.Builder read(String... files) throws Exception {
        SidecarMetadata.Builder b = new SidecarMetadata.Builder(4096);
        for (int i = 0; i < files.length; i++) {
            b.read("meta-" + i + ".csv", new ByteArrayInputStream(files[i].getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    @Test
    void columnsInAnyOrderBlankMeansUnsetAndTheFirstDefinitionWins() throws Exception {
        SidecarMetadata.Builder b = read(
                "agent_id,metadata_key,started_at,team_id\na-1,job-1,2026-11-22T09:00:00Z,\na-2,job-2,,t-2\n",
                "metadata_key,agent_id\njob-1,a-9\njob-2,a-2\n,a-3\n\"broken,a\n");
        SidecarMetadata m = b.metadata();
        assertEquals("a-1", m.lookup("job-1").agentId());
        assertNull(m.lookup("job-1").teamId());
        assertEquals("t-2", m.lookup("job-2").teamId());
        assertNull(m.lookup("job-3"));
        List<IngestResult.Quarantined> problems = b.problems();
        // job-1 conflicts; job-2 only repeats what is known for agent_id but drops team and start, so it conflicts too;
        // the blank key and the broken quote are unusable.
        assertEquals(List.of(ReasonCode.CONFLICTING_METADATA, ReasonCode.CONFLICTING_METADATA, ReasonCode.MISSING_FIELD,
                ReasonCode.MALFORMED_CSV), problems.stream().map(IngestResult.Quarantined::code).toList());
        assertTrue(problems.get(0).message().contains("meta-0.csv line 2"), problems.get(0).message());
        assertEquals("meta-1.csv", problems.get(0).source().file());
        assertEquals(2, problems.get(0).source().line());
    }

    @Test
    void theSidecarCompletesAVendorDraftAndItsValuesWin() throws Exception {
        SidecarMetadata m = read("metadata_key,conversation_id,started_at,agent_id\n"
                + "job-1,CRM-77,2026-11-22T09:00:00Z,a-1\n").metadata();
        ConversationDraft draft = new ConversationDraft("job-1", "voice", null, "vendor-agent", null, null, null,
                List.of(new ConversationDraft.UtteranceDraft("agent", 0L, 10L, "hi")));
        var c = m.complete("transcribe-call-analytics", "job-1", draft);
        assertEquals("CRM-77", c.conversationId());
        assertEquals("a-1", c.agentId());
        InvalidRecordException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRecordException.class,
                () -> m.complete("transcribe-call-analytics", "job-2", draft));
        assertTrue(e.getMessage().startsWith("started_at is missing; a transcribe-call-analytics file does not carry it:"
                + " add a row with metadata_key 'job-2'"), e.getMessage());
    }
}
