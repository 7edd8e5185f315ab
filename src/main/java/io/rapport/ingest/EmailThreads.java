package io.rapport.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a night's email messages into conversations: messages linked by Message-ID, In-Reply-To or References
 * (directly or through other messages, across files) form one thread, and a thread is one record. A thread's
 * messages are ordered by their Date; the thread starts at its first message. Senders at an agent domain are the
 * agent, automatic replies are system messages, everyone else is the customer.
 *
 * <p>The conversation id is derived from the first message's Message-ID ({@link #conversationId}), so the same
 * messages always give the same id; a thread continued on a later night becomes a new conversation there (a repeat contact).
 */
public final class EmailThreads {

    private EmailThreads() {
    }

    /** Every part becomes exactly one result or is part of exactly one; the output order is deterministic. */
    public static List<IngestResult> assemble(List<IngestResult.EmailPart> parts, IngestSettings settings) {
        List<IngestResult.EmailPart> ordered = new ArrayList<>(parts);
        ordered.sort(Comparator.comparing((IngestResult.EmailPart p) -> p.source().file())
                .thenComparingLong(p -> p.source().line()));
        List<IngestResult> results = new ArrayList<>();
        Map<String, IngestResult.EmailPart> byId = new HashMap<>();
        UnionFind threads = new UnionFind();
        List<IngestResult.EmailPart> kept = new ArrayList<>();
        for (IngestResult.EmailPart p : ordered) {
            EmailMessage m = p.message();
            String id = key(p);
            IngestResult.EmailPart first = byId.putIfAbsent(id, p);
            if (first != null) {
                results.add(new IngestResult.Quarantined(p.source(), null, ReasonCode.DUPLICATE_MESSAGE, "Message-ID <"
                        + id + "> was already read from " + first.source().file() + " line " + first.source().line()
                        + "; that copy is kept"));
                continue;
            }
            kept.add(p);
            threads.union(id, id);
            if (m.inReplyTo() != null) {
                threads.union(id, m.inReplyTo());
            }
            for (String ref : m.references()) {
                threads.union(id, ref);
            }
        }
        Map<String, List<IngestResult.EmailPart>> grouped = new LinkedHashMap<>();
        for (IngestResult.EmailPart p : kept) {
            grouped.computeIfAbsent(threads.find(key(p)), k -> new ArrayList<>()).add(p);
        }
        for (List<IngestResult.EmailPart> thread : grouped.values()) {
            results.add(conversation(thread, settings));
        }
        return results;
    }

    /**
     * {@code email-} and 16 hex digits of the SHA-256 of the first message's Message-ID: stable across runs, and
     * free of the addresses and names Message-IDs often contain.
     */
    static String conversationId(String firstMessageKey) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(firstMessageKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "email-" + java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A message's node in the thread graph: its Message-ID, or where it was read when it has none. */
    private static String key(IngestResult.EmailPart p) {
        return p.message().messageId() != null ? p.message().messageId()
                : "no-message-id:" + p.source().file() + ":" + p.source().line();
    }

    private static IngestResult conversation(List<IngestResult.EmailPart> thread, IngestSettings settings) {
        IngestResult.EmailPart firstRead = thread.get(0);
        StringBuilder raw = new StringBuilder("email thread of ").append(thread.size()).append(" message(s):");
        for (IngestResult.EmailPart p : thread) {
            raw.append(' ').append(p.source().file()).append(':').append(p.source().line());
        }
        for (IngestResult.EmailPart p : thread) {
            if (p.message().sentAtMs() == null) {
                return new IngestResult.Quarantined(new SourceRecord(firstRead.source().file(), firstRead.source().line(),
                        raw.toString()), null, ReasonCode.MISSING_FIELD, "the message at " + p.source().file() + " line "
                        + p.source().line() + " has no readable Date header, so the thread cannot be ordered");
            }
        }
        List<IngestResult.EmailPart> byTime = new ArrayList<>(thread);
        byTime.sort(Comparator.comparingLong((IngestResult.EmailPart p) -> p.message().sentAtMs())
                .thenComparing(p -> p.source().file()).thenComparingLong(p -> p.source().line()));
        IngestResult.EmailPart first = byTime.get(0);
        SourceRecord source = new SourceRecord(first.source().file(), first.source().line(), raw.toString());
        String id = conversationId(key(first));
        long start = first.message().sentAtMs();
        Map<String, Integer> agentMessages = new LinkedHashMap<>();
        String customer = null;
        String queue = null;
        List<ConversationDraft.UtteranceDraft> utterances = new ArrayList<>(byTime.size());
        for (IngestResult.EmailPart p : byTime) {
            EmailMessage m = p.message();
            String speaker;
            if (m.autoReply()) {
                speaker = "system";
            } else if (m.from() != null && settings.isAgentAddress(m.from())) {
                speaker = "agent";
                agentMessages.merge(m.from(), 1, Integer::sum);
            } else {
                speaker = "customer";
                if (customer == null) {
                    customer = m.from();
                }
                if (queue == null && m.to() != null && settings.isAgentAddress(m.to())) {
                    queue = m.to().substring(0, m.to().indexOf('@'));
                }
            }
            utterances.add(new ConversationDraft.UtteranceDraft(speaker, m.sentAtMs() - start, null, m.body()));
        }
        if (agentMessages.isEmpty()) {
            return new IngestResult.Quarantined(source, id, ReasonCode.UNANSWERED_THREAD, settings.agentDomains().isEmpty()
                    ? "no agent domain is configured (--agent-domains), so no sender can be recognised as an agent"
                    : "none of the " + thread.size() + " message(s) comes from an agent domain "
                    + settings.agentDomains() + "; the thread is measured once an agent replies");
        }
        // The agent who wrote most owns the conversation; the first to reply wins a tie.
        String agent = agentMessages.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        ConversationDraft draft = new ConversationDraft(id, "email", Instant.ofEpochMilli(start).toString(), agent,
                null, customer, queue, utterances);
        try {
            return new IngestResult.Accepted(source, ConversationValidator.validate(draft));
        } catch (InvalidRecordException e) {
            return IngestResult.Quarantined.of(source, id, e);
        }
    }

    /** Disjoint sets over message ids; the smallest id names a set, so the grouping is order independent. */
    private static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        String find(String x) {
            String root = x;
            for (String p = parent.get(root); p != null && !p.equals(root); p = parent.get(root)) {
                root = p;
            }
            parent.putIfAbsent(root, root);
            for (String y = x; !y.equals(root); ) {
                String next = parent.get(y);
                parent.put(y, root);
                y = next;
            }
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                if (ra.compareTo(rb) < 0) {
                    parent.put(rb, ra);
                } else {
                    parent.put(ra, rb);
                }
            }
        }
    }
}
