package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.model.Speaker;

/** Whether the agent summarised what was agreed in the closing part of the conversation (rules/recap.rules). */
final class RecapPresent extends ConversationMetric {
    RecapPresent() {
        super("recap_present", MetricType.BOOLEAN, "true/false", Scope.ALL_CHANNELS);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        boolean agentSpoke = c.conversation().utterances().stream().anyMatch(u -> u.speaker() == Speaker.AGENT);
        return agentSpoke ? c.utterancesWith(LanguageDetectors.RECAP, null, Speaker.AGENT) > 0 : null;
    }
}
