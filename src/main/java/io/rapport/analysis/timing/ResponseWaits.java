package io.rapport.analysis.timing;

import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How long customers waited for the agent in a chat or email conversation. A wait starts at the first
 * customer message not yet answered and ends at the next agent message; a wait still open at the end is not
 * a response and is left out. System and bot messages neither start nor end a wait.
 */
public final class ResponseWaits {

    private ResponseWaits() {
    }

    /** Answered waits in ms, in conversation order. */
    public static List<Long> of(Conversation c) {
        List<Utterance> messages = new ArrayList<>(c.utterances());
        messages.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
        List<Long> waits = new ArrayList<>();
        Long waitingSince = null;
        for (Utterance m : messages) {
            if (m.speaker() == Speaker.CUSTOMER && waitingSince == null) {
                waitingSince = m.startMs();
            } else if (m.speaker() == Speaker.AGENT && waitingSince != null) {
                waits.add(m.startMs() - waitingSince);
                waitingSince = null;
            }
        }
        return waits;
    }
}
