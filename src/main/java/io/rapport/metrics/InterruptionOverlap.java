package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.timing.Interruption;
import io.rapport.model.Speaker;

/** Total time both spoke at once during this party's interruptions. */
final class InterruptionOverlap extends PartyMetric {
    InterruptionOverlap(Speaker party) {
        super(party, "interruption_overlap_ms", MetricType.LONG, "ms", Scope.VOICE);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.interruptions().stream().filter(i -> i.interrupter() == party)
                .mapToLong(Interruption::overlapMs).sum();
    }
}
