package io.rapport.ingest;

import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;
import io.rapport.model.VendorFigures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each adapter on the vendor sample files; expected figures come from src/test/resources/formats/README.md. */
class VendorFormatsTest {

    private static final IngestSettings SETTINGS = FormatFixtures.settings();

    private static Conversation accepted(String file) {
        List<IngestResult> r = FormatFixtures.read(file, SETTINGS);
        assertEquals(1, r.size(), file);
        return assertInstanceOf(IngestResult.Accepted.class, r.get(0), r.get(0).toString()).conversation();
    }

    private static long count(Conversation c, Speaker s) {
        return c.utterances().stream().filter(u -> u.speaker() == s).count();
    }

    private static Utterance last(Conversation c) {
        return c.utterances().get(c.utterances().size() - 1);
    }

    @Test
    void transcribeCallAnalyticsPrettyPrinted() {
        Conversation c = accepted("transcribe-call-analytics/billing-dispute.json");
        assertEquals("billing-dispute-0412", c.conversationId());
        assertEquals(Channel.VOICE, c.channel());
        assertEquals(Instant.parse("2026-11-22T09:10:44Z"), c.startedAt());
        assertEquals("a-0101", c.agentId());
        assertEquals("t-billing", c.teamId());
        assertEquals(19, c.utterances().size());
        assertEquals(11, count(c, Speaker.AGENT));
        assertEquals(8, count(c, Speaker.CUSTOMER));
        assertEquals(0, c.utterances().get(0).startMs());
        assertEquals(5200, c.utterances().get(0).endMs());
        assertEquals(171300, last(c).startMs());
        assertEquals(new VendorFigures("transcribe-call-analytics", 3, 108500L, 50200L, 12700L, 176900L),
                c.vendorFigures());
    }

    @Test
    void transcribeCallAnalyticsOnOneLineWithCharacteristicsFirst() {
        Conversation c = accepted("transcribe-call-analytics/router-outage-minified.json");
        assertEquals("router-outage-0877", c.conversationId());
        assertEquals(12, c.utterances().size());
        assertEquals(6, count(c, Speaker.CUSTOMER));
        assertEquals(101600, last(c).endMs());
        assertEquals(new VendorFigures("transcribe-call-analytics", 2, 56700L, 29800L, 11700L, 101600L),
                c.vendorFigures());
    }

    @Test
    void contactLensMapsParticipantIdsToRoles() {
        Conversation c = accepted("contact-lens/password-reset.json");
        assertEquals("5c1e7a3b-2f4d-4e8a-9b61-0d2c7e9f4a10", c.conversationId());
        assertEquals("a-0144", c.agentId());
        assertEquals(15, c.utterances().size());
        assertEquals(9, count(c, Speaker.AGENT));
        assertEquals(Speaker.AGENT, c.utterances().get(2).speaker());
        assertEquals("Mm-hmm.", c.utterances().get(2).text());
        assertEquals(new VendorFigures("contact-lens", 2, 68000L, 34800L, 15400L, 122600L), c.vendorFigures());
    }

    @Test
    void ccaiConversationResourceTakesOffsetsFromItsWords() {
        Conversation c = accepted("ccai/phone-conversation.json");
        assertEquals("8812034455", c.conversationId());
        assertEquals(Instant.parse("2026-11-22T10:41:07Z"), c.startedAt());
        assertEquals("agent-0417", c.agentId());
        assertEquals(11, c.utterances().size());
        assertEquals(6, count(c, Speaker.AGENT));
        assertEquals(400, c.utterances().get(0).startMs());
        assertEquals(53400, last(c).endMs());
        assertEquals(new VendorFigures("ccai-insights", 2, null, null, 6500L, 54100L), c.vendorFigures());
    }

    @Test
    void ccaiChatUploadNeedsItsSidecarForTheAgent() {
        IngestResult.Quarantined q = assertInstanceOf(IngestResult.Quarantined.class,
                FormatFixtures.read("ccai/chat-entries.json", SETTINGS).get(0));
        assertEquals(ReasonCode.MISSING_FIELD, q.code());
        assertTrue(q.message().contains("metadata_key 'chat-entries'"), q.message());

        IngestSettings withRow = new IngestSettings(SETTINGS.maxRecordBytes(), sidecar(
                "metadata_key,agent_id\nchat-entries,a-0500\n"), SETTINGS.agentDomains());
        List<IngestResult> r = FormatFixtures.read("ccai/chat-entries.json", withRow);
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, r.get(0)).conversation();
        assertEquals(Channel.CHAT, c.channel());
        assertEquals(Instant.parse("2026-11-22T14:05:12Z"), c.startedAt());
        assertEquals(12, c.utterances().size());
        assertEquals(5, count(c, Speaker.CUSTOMER));
        assertEquals("Hi, my new SIM still isn't working. I activated it yesterday and I have no signal at all.",
                c.utterances().get(0).text());
        assertEquals((1795357077215187L - 1795356312000000L) / 1000, last(c).startMs());
        assertEquals("a-0500", c.agentId());
    }

    @Test
    void webVttWithRoleVoicesAndWithPeoplesNames() {
        Conversation call = accepted("webvtt/call-recording.vtt");
        assertEquals("rec-20261122-0031", call.conversationId());
        assertEquals(14, call.utterances().size());
        assertEquals(8, count(call, Speaker.AGENT));
        assertEquals(1200, call.utterances().get(0).startMs());
        assertEquals(82300, last(call).endMs());
        Conversation teams = accepted("webvtt/teams-meeting.vtt");
        assertEquals(10, teams.utterances().size());
        assertEquals(6, count(teams, Speaker.AGENT));
        assertEquals(4, count(teams, Speaker.CUSTOMER));
        assertEquals(2160, teams.utterances().get(0).startMs());
    }

    @Test
    void emailThreadsAcrossFilesAndAnMboxWithQuotesAndSignaturesRemoved() {
        List<IngestResult.EmailPart> parts = new ArrayList<>();
        for (String f : List.of("email/refund-1.eml", "email/refund-2.eml", "email/refund-3.eml",
                "email/support-inbox.mbox")) {
            for (IngestResult r : FormatFixtures.read(f, SETTINGS)) {
                parts.add(assertInstanceOf(IngestResult.EmailPart.class, r, r.toString()));
            }
        }
        assertEquals(8, parts.size());
        List<IngestResult> threads = EmailThreads.assemble(parts, SETTINGS);
        assertEquals(3, threads.size());

        Conversation refund = assertInstanceOf(IngestResult.Accepted.class, threads.get(0)).conversation();
        assertEquals(EmailThreads.conversationId("CAHk7p2xQ9mW4v8s1nE3bYt6zRk0cL5uJ2aF@mail.example.net"),
                refund.conversationId());
        assertTrue(refund.conversationId().matches("email-[0-9a-f]{16}"), refund.conversationId());
        assertEquals(Instant.parse("2026-11-21T09:12:37Z"), refund.startedAt());
        assertEquals("priya.n@help.example-telco.com", refund.agentId());
        assertEquals("dana.w@example.net", refund.customerId());
        assertEquals("billing", refund.queue());
        List<Utterance> u = refund.utterances();
        assertEquals(List.of(Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER), u.stream().map(Utterance::speaker).toList());
        assertTrue(u.get(0).text().contains("I have just checked my bank statement and you have charged me twice."));
        assertFalse(u.get(0).text().contains("+1 202-555-0142"), "signature kept: " + u.get(0).text());
        // Quoted-printable decoded (=3D), the quoted message 1 and the name under the closing gone.
        assertTrue(u.get(1).text().contains("Thank you for getting in touch, and I'm really sorry you were charged twice."));
        assertTrue(u.get(1).text().contains("refunds?ref=RF884213&acct=4471-9023"), u.get(1).text());
        assertFalse(u.get(1).text().contains("bank statement"), u.get(1).text());
        assertTrue(u.get(1).text().endsWith("Kind regards,"), u.get(1).text());
        // Latin-1 decoded; the Outlook "Original Message" block cut.
        assertTrue(u.get(2).text().contains("café"), u.get(2).text());
        assertFalse(u.get(2).text().contains("Original Message"), u.get(2).text());
        assertEquals((Instant.parse("2026-11-23T08:03:51Z").toEpochMilli()
                - Instant.parse("2026-11-21T09:12:37Z").toEpochMilli()), u.get(2).startMs());

        Conversation router = assertInstanceOf(IngestResult.Accepted.class, threads.get(1)).conversation();
        assertEquals(List.of(Speaker.CUSTOMER, Speaker.AGENT, Speaker.SYSTEM, Speaker.CUSTOMER),
                router.utterances().stream().map(Utterance::speaker).toList());
        String html = router.utterances().get(1).text();
        assertTrue(html.startsWith("Hi Tom,\n\nI'm sorry your connection keeps dropping"), html);
        assertTrue(html.endsWith("straight away.\n\nKind regards,"), html);
        assertFalse(html.contains("<") || html.contains("every hour since Thursday"), html);
        assertTrue(router.utterances().get(0).text().contains("From what I can tell"), "mbox >From unescaped");

        IngestResult.Quarantined unanswered = assertInstanceOf(IngestResult.Quarantined.class, threads.get(2));
        assertEquals(ReasonCode.UNANSWERED_THREAD, unanswered.code());
        assertEquals(EmailThreads.conversationId("CAM9w2Lr5tXp8qZ1kV7nB4yH3eD6fG0sJ2uA@mail.example.com"),
                unanswered.conversationId());
    }

    @Test
    void detectionUsesStructureNotNames() throws Exception {
        assertEquals(List.of(
                        "ccai-insights", "ccai-insights", "contact-lens", "email", "email", "email", "email", "metadata",
                        "transcribe-call-analytics", "transcribe-call-analytics", "webvtt", "webvtt"),
                FormatFixtures.files().stream().map(f -> detect(f)).toList());
        // A canonical record whose text mentions a vendor key is still JSON Lines.
        String line = "{\"conversation_id\":\"c\",\"utterances\":[{\"text\":\"\\\"ParticipantRole\\\": AGENT\"}]}";
        assertEquals("jsonl", TranscriptFileReader.detect(FileHead.of(line)).orElseThrow().name());
    }

    private static String detect(String fixture) {
        try {
            FileHead.Peeked p = FileHead.peek(Files.newInputStream(FormatFixtures.ROOT.resolve(fixture)));
            return TranscriptFileReader.detect(p.head()).map(TranscriptFormat::name).orElse("none");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SidecarMetadata sidecar(String csv) {
        try {
            return new SidecarMetadata.Builder(4096).read("m.csv",
                    new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))).metadata();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aForcedFormatReadsAFileDetectionWouldNot() {
        List<IngestResult> r = FormatFixtures.read("ccai/phone-conversation.json", SETTINGS, Optional.of("jsonl"));
        assertTrue(r.stream().allMatch(x -> x instanceof IngestResult.Quarantined), "read as JSON Lines, line by line");
    }
}
