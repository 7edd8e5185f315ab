package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** Time a party was speaking, overlapping pieces of their own speech counted once. */
final class TalkTime extends PartyMetric {
    TalkTime(Speaker party) {
        super(party, "talk_ms", MetricType.LONG, "ms", Scope.VOICE);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.timeline().talkMs(party);
    }
}
