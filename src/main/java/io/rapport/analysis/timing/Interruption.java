package io.rapport.analysis.timing;

import io.rapport.model.Speaker;

/**
 * A party starting to speak while the other party is still speaking, long enough to take the floor.
 *
 * @param utteranceIndex   the interrupting utterance
 * @param interruptedIndex the utterance that was cut into
 * @param overlapMs        how long both spoke at once
 */
public record Interruption(int utteranceIndex, Speaker interrupter, int interruptedIndex, long startMs,
                           long overlapMs) {

    public Speaker interrupted() {
        return interrupter.otherParty();
    }
}
