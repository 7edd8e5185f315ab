package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** Time a party was speaking, overlapping pieces of their own speech counted once. */
final class TalkTime extends ConversationMetric {
    private final Speaker speaker;

    TalkTime(Speaker speaker) {
        super(speaker.code() + "_talk_ms", MetricType.LONG, "ms", Scope.VOICE);
        this.speaker = speaker;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.timeline().talkMs(speaker);
    }
}
