package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

/** Duration during which neither agent nor customer spoke (silence, hold, IVR prompts). */
final class NonTalkTime extends ConversationMetric {
    NonTalkTime() {
        super("non_talk_ms", MetricType.LONG, "ms", Scope.VOICE);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.timeline().durationMs() - c.timeline().partyTalkMs();
    }
}
