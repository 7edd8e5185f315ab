package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.timing.Interruption;
import io.rapport.model.Speaker;

/** Total time both spoke at once during this party's interruptions. */
final class InterruptionOverlap extends ConversationMetric {
    private final Speaker interrupter;

    InterruptionOverlap(Speaker interrupter) {
        super(interrupter.code() + "_interruption_overlap_ms", MetricType.LONG, "ms", Scope.VOICE);
        this.interrupter = interrupter;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.interruptions().stream().filter(i -> i.interrupter() == interrupter)
                .mapToLong(Interruption::overlapMs).sum();
    }
}
