package io.rapport.ingest;

import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailThreadsTest {

    private static final IngestSettings SETTINGS = new IngestSettings(1 << 20, SidecarMetadata.EMPTY,
            List.of("Help.Example-Telco.com"));
    private static final long T0 = 1_795_250_000_000L;

    private static IngestResult.EmailPart part(String file, long line, String id, String inReplyTo, List<String> refs,
                                               String from, Long minutes, String body) {
        return new IngestResult.EmailPart(new SourceRecord(file, line, null), new EmailMessage(id, inReplyTo, refs, from,
                "billing@help.example-telco.com", minutes == null ? null : T0 + minutes * 60_000, "s", body, false));
    }

    @Test
    void messagesLinkedOnlyThroughAThirdMessageFormOneThreadOrderedByDate() {
        // c only names b, b only names a; they arrive in three files, out of order.
        List<IngestResult> r = EmailThreads.assemble(List.of(
                part("z.eml", 1, "c", "b", List.of(), "dana@example.net", 300L, "third"),
                part("a.eml", 1, "a", null, List.of(), "dana@example.net", 0L, "first"),
                part("m.mbox", 40, "b", "a", List.of("a"), "priya@help.example-telco.com", 60L, "second")), SETTINGS);
        assertEquals(1, r.size());
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, r.get(0)).conversation();
        assertEquals(EmailThreads.conversationId("a"), c.conversationId());
        assertEquals(List.of("first", "second", "third"), c.utterances().stream().map(u -> u.text()).toList());
        assertEquals(List.of(0L, 3_600_000L, 18_000_000L), c.utterances().stream().map(u -> u.startMs()).toList());
        assertEquals(List.of(Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER),
                c.utterances().stream().map(u -> u.speaker()).toList());
        assertEquals("priya@help.example-telco.com", c.agentId());
        assertEquals("dana@example.net", c.customerId());
        assertEquals("billing", c.queue());
        assertEquals("a.eml", r.get(0).source().file());
    }

    @Test
    void aThreadWhoseRootIsMissingStillGroupsByTheSharedReference() {
        List<IngestResult> r = EmailThreads.assemble(List.of(
                part("x.eml", 1, "r1", "root", List.of("root"), "agent@sub.help.example-telco.com", 0L, "reply"),
                part("y.eml", 1, "r2", "r1", List.of("root", "r1"), "dana@example.net", 5L, "answer")), SETTINGS);
        assertEquals(1, r.size());
        Conversation c = assertInstanceOf(IngestResult.Accepted.class, r.get(0)).conversation();
        assertEquals("agent@sub.help.example-telco.com", c.agentId());
    }

    @Test
    void everyMessageIsAccountedForExactlyOnce() {
        List<IngestResult.EmailPart> parts = new ArrayList<>(List.of(
                part("a.eml", 1, "a", null, List.of(), "dana@example.net", 0L, "q"),
                part("b.eml", 1, "b", "a", List.of("a"), "priya@help.example-telco.com", 1L, "answer"),
                part("copy.mbox", 9, "b", "a", List.of("a"), "priya@help.example-telco.com", 1L, "answer"),
                part("lonely.eml", 1, "l", null, List.of(), "tom@example.org", 2L, "nobody answered"),
                part("undated.eml", 1, "u", null, List.of(), "ann@example.org", null, "no date")));
        List<IngestResult> r = EmailThreads.assemble(parts, SETTINGS);
        assertEquals(4, r.size());
        IngestResult.Quarantined dup = (IngestResult.Quarantined) r.stream()
                .filter(x -> x.source().file().equals("copy.mbox")).findFirst().orElseThrow();
        assertEquals(ReasonCode.DUPLICATE_MESSAGE, dup.code());
        assertTrue(dup.message().contains("b.eml line 1"), dup.message());
        IngestResult.Quarantined lonely = (IngestResult.Quarantined) r.stream()
                .filter(x -> x.source().file().equals("lonely.eml")).findFirst().orElseThrow();
        assertEquals(ReasonCode.UNANSWERED_THREAD, lonely.code());
        IngestResult.Quarantined undated = (IngestResult.Quarantined) r.stream()
                .filter(x -> x.source().file().equals("undated.eml")).findFirst().orElseThrow();
        assertEquals(ReasonCode.MISSING_FIELD, undated.code());
        assertTrue(undated.message().contains("Date"), undated.message());
    }

    @Test
    void withoutAgentDomainsTheReasonSaysWhatToConfigure() {
        List<IngestResult> r = EmailThreads.assemble(List.of(
                part("a.eml", 1, "a", null, List.of(), "priya@help.example-telco.com", 0L, "hi")),
                IngestSettings.of(1 << 20));
        IngestResult.Quarantined q = assertInstanceOf(IngestResult.Quarantined.class, r.get(0));
        assertTrue(q.message().contains("--agent-domains"), q.message());
    }

    @Test
    void theResultDoesNotDependOnArrivalOrder() {
        List<IngestResult.EmailPart> parts = new ArrayList<>(List.of(
                part("a.eml", 1, "a", null, List.of(), "dana@example.net", 0L, "q"),
                part("b.eml", 1, "b", "a", List.of("a"), "priya@help.example-telco.com", 1L, "answer"),
                part("c.eml", 1, "c", null, List.of(), "tom@example.org", 2L, "other"),
                part("d.eml", 1, "d", "c", List.of("c"), "leo@help.example-telco.com", 3L, "reply")));
        List<String> forward = EmailThreads.assemble(parts, SETTINGS).stream().map(Object::toString).toList();
        java.util.Collections.reverse(parts);
        assertEquals(forward, EmailThreads.assemble(parts, SETTINGS).stream().map(Object::toString).toList());
    }
}
