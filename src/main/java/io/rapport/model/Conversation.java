package io.rapport.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The canonical conversation every adapter produces and every analysis consumes.
 * Validated on construction by the ingest layer, so analysis code can rely on its invariants:
 * at least one utterance, offsets non-negative, voice utterances timed with end &ge; start.
 *
 * @param vendorFigures what the source platform's own analytics said, when the file carried any; else null
 */
public record Conversation(
        String conversationId,
        Channel channel,
        Instant startedAt,
        String agentId,
        String teamId,
        String customerId,
        String queue,
        List<Utterance> utterances,
        VendorFigures vendorFigures) {

    public Conversation {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(agentId, "agentId");
        utterances = List.copyOf(utterances);
    }

    /** A conversation from a source that carries no vendor figures. */
    public Conversation(String conversationId, Channel channel, Instant startedAt, String agentId, String teamId,
                        String customerId, String queue, List<Utterance> utterances) {
        this(conversationId, channel, startedAt, agentId, teamId, customerId, queue, utterances, null);
    }
}
