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
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebVttFormatTest {

    private static final String SIDECAR = "metadata_key,started_at,agent_id,agent_speaker\n"
            + "call,2026-11-22T10:00:00Z,a-1,\nmeeting,2026-11-22T11:00:00Z,a-2,Marcus Bell\n";

    static List<IngestResult> read(String file, String text) throws Exception {
        IngestSettings settings = new IngestSettings(1 << 20, new SidecarMetadata.Builder(1 << 20)
                .read("m.csv", new ByteArrayInputStream(SIDECAR.getBytes(StandardCharsets.UTF_8))).metadata(), List.of());
        List<IngestResult> out = new ArrayList<>();
        new TranscriptFileReader(settings, Optional.empty())
                .read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).forEachRemaining(out::add);
        return out;
    }

    @Test
    void voiceSpansGiveSpeakersAndCueTimesGiveOffsets() throws Exception {
        List<IngestResult> r = read("calls/call.vtt", """
                WEBVTT - recorded call

                NOTE exported by the recorder

                1
                00:00:01.200 --> 00:00:04.900 align:start
                <v Agent>Thanks for calling, this is Sam.</v>

                2
                00:04.500 --> 00:11.600
                <v.loud Customer>I sent my phone back
                three weeks ago &amp; nothing.

                00:00:12.000 --> 00:00:13.000
                Still nothing at all.
                """);
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, r.get(0)).conversation();
        assertEquals(1, r.size());
        assertEquals("call", c.conversationId());
        assertEquals("a-1", c.agentId());
        assertEquals(3, c.utterances().size());
        assertEquals(Speaker.AGENT, c.utterances().get(0).speaker());
        assertEquals(1200, c.utterances().get(0).startMs());
        assertEquals(4900, c.utterances().get(0).endMs());
        assertEquals(Speaker.CUSTOMER, c.utterances().get(1).speaker());
        assertEquals(4500, c.utterances().get(1).startMs());
        assertEquals("I sent my phone back three weeks ago & nothing.", c.utterances().get(1).text());
        // A cue without a voice continues the previous speaker.
        assertEquals(Speaker.CUSTOMER, c.utterances().get(2).speaker());
    }

    @Test
    void peoplesNamesNeedTheSidecarsAgentSpeaker() throws Exception {
        String body = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Marcus Bell>Hello Dana.\n\n"
                + "00:00:02.500 --> 00:00:04.000\n<v Dana Whitfield>Hi.\n";
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, read("meeting.vtt", body).get(0)).conversation();
        assertEquals(List.of(Speaker.AGENT, Speaker.CUSTOMER), c.utterances().stream().map(u -> u.speaker()).toList());

        IngestResult.Quarantined q = assertInstanceOf(IngestResult.Quarantined.class, read("other.vtt", body).get(0));
        assertEquals(ReasonCode.UNKNOWN_SPEAKER, q.code());
        assertTrue(q.message().contains("agent_speaker"), q.message());
    }

    @Test
    void namePrefixesWorkWhenTheFileHasNoVoiceSpans() throws Exception {
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, read("call.vtt",
                "WEBVTT\n\n00:01.000 --> 00:02.000\nAgent: Hello.\n\n00:02.000 --> 00:03.000\nCaller: Note: my bill is wrong.\n")
                .get(0)).conversation();
        assertEquals("Note: my bill is wrong.", c.utterances().get(1).text());
        assertEquals(Speaker.CUSTOMER, c.utterances().get(1).speaker());
    }

    @Test
    void brokenCuesAndMissingMetadataAreQuarantinedWithTheirReason() throws Exception {
        IngestResult.Quarantined timing = assertInstanceOf(IngestResult.Quarantined.class,
                read("call.vtt", "WEBVTT\n\n00:01.000 --> 00:2.0\n<v Agent>Hi\n").get(0));
        assertEquals(ReasonCode.MALFORMED_WEBVTT, timing.code());
        assertTrue(timing.message().startsWith("line 3:"), timing.message());

        IngestResult.Quarantined noTiming = assertInstanceOf(IngestResult.Quarantined.class,
                read("call.vtt", "WEBVTT\n\n1\n<v Agent>Hi\n").get(0));
        assertEquals(ReasonCode.MALFORMED_WEBVTT, noTiming.code());

        IngestResult.Quarantined noSidecar = assertInstanceOf(IngestResult.Quarantined.class,
                read("unknown.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Agent>Hi\n").get(0));
        assertEquals(ReasonCode.MISSING_FIELD, noSidecar.code());
        assertTrue(noSidecar.message().contains("metadata_key 'unknown'"), noSidecar.message());

        IngestResult.Quarantined backwards = assertInstanceOf(IngestResult.Quarantined.class,
                read("call.vtt", "WEBVTT\n\n00:05.000 --> 00:02.000\n<v Agent>Hi\n").get(0));
        assertEquals(ReasonCode.END_BEFORE_START, backwards.code());
    }
}
