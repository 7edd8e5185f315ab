package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

/**
 * The agent's collaborative pronouns: we/us/our/ours/ourselves/let's as a share of those plus you/your/yours/
 * yourself, 0 to 1. Null when the agent used none of them.
 */
final class CollaborationRatio extends ConversationMetric {
    CollaborationRatio() {
        super("collaboration_ratio", MetricType.DOUBLE, "share 0-1", Scope.ALL_CHANNELS);
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.ratio("agent_we_words", 1, "agent_we_words", "agent_you_words");
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        int we = c.language().agentWeWords();
        int total = we + c.language().agentYouWords();
        return total == 0 ? null : (double) we / total;
    }
}
