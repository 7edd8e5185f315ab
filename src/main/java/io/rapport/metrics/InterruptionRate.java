package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** This party's interruptions per 10 minutes of conversation; null for a zero-length call. */
final class InterruptionRate extends PartyMetric {
    private static final double TEN_MINUTES_MS = 600_000.0;
    private final InterruptionCount count;

    InterruptionRate(Speaker party) {
        super(party, "interruptions_per_10min", MetricType.DOUBLE, "per 10 min", Scope.VOICE);
        this.count = new InterruptionCount(party);
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.ratio(count.name(), TEN_MINUTES_MS, "duration_ms");
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        long duration = c.timeline().durationMs();
        return duration == 0 ? null : (Long) count.value(c) * TEN_MINUTES_MS / duration;
    }
}
