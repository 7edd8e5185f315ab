package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** How many times this party interrupted the other (rule in InterruptionDetector). */
final class InterruptionCount extends ConversationMetric {
    private final Speaker interrupter;

    InterruptionCount(Speaker interrupter) {
        super(interrupter.code() + "_interruptions", MetricType.LONG, "count", Scope.VOICE);
        this.interrupter = interrupter;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.interruptions().stream().filter(i -> i.interrupter() == interrupter).count();
    }
}
