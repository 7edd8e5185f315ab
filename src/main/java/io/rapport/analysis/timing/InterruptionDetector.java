package io.rapport.analysis.timing;

import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds interruptions in a voice conversation. A party's utterance U interrupts when it starts strictly
 * inside an utterance V of the other party (V.start &lt; U.start &lt; V.end), both keep talking for at least
 * {@code minOverlapMs} (min(U.end, V.end) - U.start), and U is not a backchannel. When several of the other
 * party's utterances are ongoing, V is the one that ends last. One sweep over the utterances sorted by start,
 * so a 100k-utterance call costs O(n log n).
 */
public final class InterruptionDetector implements Serializable {

    /** Shorter overlaps are ordinary turn-taking latency, not a bid for the floor. */
    public static final long DEFAULT_MIN_OVERLAP_MS = 500;

    private final long minOverlapMs;

    public InterruptionDetector(long minOverlapMs) {
        this.minOverlapMs = minOverlapMs;
    }

    public long minOverlapMs() {
        return minOverlapMs;
    }

    /** @param backchannel per utterance index, whether it is a backchannel */
    public List<Interruption> detect(Conversation c, boolean[] backchannel) {
        List<Utterance> party = new ArrayList<>();
        for (Utterance u : c.utterances()) {
            if (u.speaker().isParty()) {
                party.add(u);
            }
        }
        party.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
        // Per party, the utterance reaching furthest among those that started strictly earlier.
        Utterance[] furthest = new Utterance[Speaker.values().length];
        List<Interruption> found = new ArrayList<>();
        int i = 0;
        while (i < party.size()) {
            int j = i;
            long start = party.get(i).startMs();
            while (j < party.size() && party.get(j).startMs() == start) {
                j++;
            }
            for (int k = i; k < j; k++) {
                Utterance u = party.get(k);
                Utterance v = furthest[u.speaker().otherParty().ordinal()];
                if (v != null && !backchannel[u.index()] && v.isSpeakingAt(u.startMs())) {
                    long overlap = Math.min(u.endMs(), v.endMs()) - u.startMs();
                    if (overlap >= minOverlapMs) {
                        found.add(new Interruption(u.index(), u.speaker(), v.index(), u.startMs(), overlap));
                    }
                }
            }
            for (int k = i; k < j; k++) {
                Utterance u = party.get(k);
                Utterance best = furthest[u.speaker().ordinal()];
                if (best == null || u.endMs() > best.endMs()) {
                    furthest[u.speaker().ordinal()] = u;
                }
            }
            i = j;
        }
        return found;
    }
}
