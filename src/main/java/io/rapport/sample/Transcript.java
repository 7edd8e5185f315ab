package io.rapport.sample;

import java.time.Instant;
import java.util.List;

/**
 * One generated conversation, exactly as it will be written. Fields are plain strings (not the
 * model enums) because bad records deliberately carry values the model rejects, such as channel
 * "fax" or speaker "supervisor". A null {@code agentId} means the key is left out of the JSON.
 */
record Transcript(
        String id,
        String channel,
        Instant startedAt,
        String agentId,
        String teamId,
        String customerId,
        String queue,
        List<Utterance> utterances) {

    /** A null {@code endMs} means the key is absent: chat and email messages are points in time. */
    record Utterance(String speaker, long startMs, Long endMs, String text) {
    }

    Transcript withId(String newId) {
        return new Transcript(newId, channel, startedAt, agentId, teamId, customerId, queue, utterances);
    }

    Transcript withChannel(String newChannel) {
        return new Transcript(id, newChannel, startedAt, agentId, teamId, customerId, queue, utterances);
    }

    Transcript withAgentId(String newAgentId) {
        return new Transcript(id, channel, startedAt, newAgentId, teamId, customerId, queue, utterances);
    }

    Transcript withUtterances(List<Utterance> newUtterances) {
        return new Transcript(id, channel, startedAt, agentId, teamId, customerId, queue, List.copyOf(newUtterances));
    }
}
