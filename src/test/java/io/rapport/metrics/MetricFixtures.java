package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

import io.rapport.testing.Conversations;

import static io.rapport.testing.Conversations.analyze;
import static io.rapport.testing.Conversations.system;
import static io.rapport.testing.Conversations.voice;

/**
 * Hand-built conversations whose every metric was worked out by hand (the arithmetic is in the comments
 * of each metric's test).
 */
final class MetricFixtures {

    /** See {@link Conversations#call()}. */
    static final AnalyzedConversation CALL = analyze(Conversations.call());

    /** See {@link Conversations#chatWithWaits()}. */
    static final AnalyzedConversation CHAT = analyze(Conversations.chatWithWaits());

    /** A call where only the IVR spoke: nothing to measure for the parties. */
    static final AnalyzedConversation SILENT_CALL = analyze(voice(system(0, 0, "")));

    private MetricFixtures() {
    }

    static Object value(String metric, AnalyzedConversation c) {
        return MetricRegistry.byName(metric).compute(c);
    }
}
