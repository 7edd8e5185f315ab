package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** How many times this party interrupted the other (rule in InterruptionDetector). */
final class InterruptionCount extends PartyMetric {
    InterruptionCount(Speaker party) {
        super(party, "interruptions", MetricType.LONG, "count", Scope.VOICE);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.interruptions().stream().filter(i -> i.interrupter() == party).count();
    }
}
