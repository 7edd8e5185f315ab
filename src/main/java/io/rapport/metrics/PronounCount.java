package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

/** The agent's collaborative (we/us/our/let's) or customer-directed (you/your) words; the parts of collaboration_ratio. */
final class PronounCount extends ConversationMetric {
    private final boolean we;

    PronounCount(boolean we) {
        super(we ? "agent_we_words" : "agent_you_words", MetricType.LONG, "words", Scope.ALL_CHANNELS);
        this.we = we;
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        return (long) (we ? c.language().agentWeWords() : c.language().agentYouWords());
    }
}
