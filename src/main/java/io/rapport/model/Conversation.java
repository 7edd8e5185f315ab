package io.rapport.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The canonical conversation every adapter produces and every analysis consumes.
 * Validated on construction by the ingest layer, so analysis code can rely on its invariants:
 * at least one utterance, offsets non-negative, voice utterances timed with end &ge; start.
 */
public record Conversation(
        String conversationId,
        Channel channel,
        Instant startedAt,
        String agentId,
        String teamId,
        String customerId,
        String queue,
        List<Utterance> utterances) {

    public Conversation {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(agentId, "agentId");
        utterances = List.copyOf(utterances);
    }
}
