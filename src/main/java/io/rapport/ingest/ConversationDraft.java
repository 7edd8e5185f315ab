package io.rapport.ingest;

import io.rapport.model.VendorFigures;

import java.util.List;

/**
 * A conversation as an adapter read it, before validation. Values already have their Java types
 * (adapters report type errors themselves); whether they make sense is {@link ConversationValidator}'s job,
 * so every format obeys the same rules.
 *
 * @param utterances null when the source had no utterance list at all
 */
public record ConversationDraft(
        String conversationId,
        String channel,
        String startedAt,
        String agentId,
        String teamId,
        String customerId,
        String queue,
        List<UtteranceDraft> utterances,
        VendorFigures vendorFigures) {

    /** A draft from a source that carries no vendor figures. */
    public ConversationDraft(String conversationId, String channel, String startedAt, String agentId, String teamId,
                             String customerId, String queue, List<UtteranceDraft> utterances) {
        this(conversationId, channel, startedAt, agentId, teamId, customerId, queue, utterances, null);
    }

    /**
     * The draft completed from a sidecar metadata row: every field the row sets replaces the file's, because the
     * sidecar comes from the contact centre's own system of record (the vendor file often lacks agent and time).
     */
    public ConversationDraft withMetadata(SidecarMetadata.Row m) {
        if (m == null) {
            return this;
        }
        return new ConversationDraft(or(m.conversationId(), conversationId), channel, or(m.startedAt(), startedAt),
                or(m.agentId(), agentId), or(m.teamId(), teamId), or(m.customerId(), customerId), or(m.queue(), queue),
                utterances, vendorFigures);
    }

    private static String or(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred;
    }

    /** One utterance as read; null means absent in the source. */
    public record UtteranceDraft(String speaker, Long startMs, Long endMs, String text) {
    }
}
