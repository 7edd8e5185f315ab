package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.model.Speaker;

/** agent_talk_ms / (agent_talk_ms + customer_talk_ms); null when neither spoke. */
final class AgentTalkShare extends ConversationMetric {
    AgentTalkShare() {
        super("agent_talk_share", MetricType.DOUBLE, "ratio 0-1", Scope.VOICE);
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.ratio("agent_talk_ms", 1, "agent_talk_ms", "customer_talk_ms");
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        long agent = c.timeline().talkMs(Speaker.AGENT);
        long total = agent + c.timeline().talkMs(Speaker.CUSTOMER);
        return total == 0 ? null : (double) agent / total;
    }
}
