package io.rapport.sample;

import java.time.LocalDate;

/**
 * Derives independent, reproducible random seeds. Every conversation gets its own seed from
 * (seed, date, sequence number), so a conversation's content does not depend on how many others
 * were generated before it or on how the night is split between files.
 */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** SplitMix64 finaliser: scatters nearby inputs (seed 42 vs 43, consecutive days) across the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long night(long seed, LocalDate date) {
        return mix(mix(seed) ^ date.toEpochDay());
    }

    static long stream(long nightSeed, long streamNumber) {
        return mix(nightSeed + streamNumber * GOLDEN_GAMMA);
    }
}
