package io.rapport.analysis.language;

/**
 * The time this thread has spent in CoreNLP annotation (tokenize, ssplit, pos, lemma, and parse and sentiment when
 * they run), so the nightly job can split its analysis into NLP and the detectors around it (the runs table's
 * {@code analysis_ms}). A per-thread clock rather than a field of the results: timing is not something a
 * conversation was found to contain, and the analysis results stay the same from run to run.
 */
public final class NlpTime {

    private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

    private NlpTime() {
    }

    /** Nanoseconds this thread has spent annotating so far; take the difference around a piece of work. */
    public static long nanos() {
        return NANOS.get()[0];
    }

    /** Counts the time since {@code startNanos} (a {@link System#nanoTime()}) as annotation. */
    static void since(long startNanos) {
        NANOS.get()[0] += System.nanoTime() - startNanos;
    }
}
