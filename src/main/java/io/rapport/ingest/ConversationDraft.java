package io.rapport.ingest;

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
        List<UtteranceDraft> utterances) {

    /** One utterance as read; null means absent in the source. */
    public record UtteranceDraft(String speaker, Long startMs, Long endMs, String text) {
    }
}
