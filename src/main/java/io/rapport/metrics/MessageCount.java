package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** Chat and email messages sent by this party. */
final class MessageCount extends ConversationMetric {
    private final Speaker speaker;

    MessageCount(Speaker speaker) {
        super(speaker.code() + "_messages", MetricType.LONG, "count", Scope.TEXT);
        this.speaker = speaker;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return c.conversation().utterances().stream().filter(u -> u.speaker() == speaker).count();
    }
}
