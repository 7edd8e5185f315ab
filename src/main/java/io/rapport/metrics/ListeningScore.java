package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.model.Speaker;

/**
 * A 0-100 summary of how the agent listened, from five parts each scored 0 to 1 and weighted (docs/metrics.md,
 * "Listening score"): talk share (25: full at ≤ 50 % of speech, none at ≥ 80 %), reflective statements (25: full
 * at 2), acknowledgements (15: full at 3), questions asked (15: full at 3), interruptions of the customer (20: full
 * at none, none at 3 or more). Chat and email have no talk share, acknowledgements or interruptions: the score is
 * then the weighted mean of reflections and questions. Null when the agent said nothing.
 */
final class ListeningScore extends ConversationMetric {
    static final double TALK = 25;
    static final double REFLECTIONS = 25;
    static final double ACKNOWLEDGEMENTS = 15;
    static final double QUESTIONS = 15;
    static final double INTERRUPTIONS = 20;

    private final AgentTalkShare talkShare = new AgentTalkShare();
    private final AcknowledgementCount acknowledgements = new AcknowledgementCount(Speaker.AGENT);
    private final InterruptionCount interruptions = new InterruptionCount(Speaker.AGENT);

    ListeningScore() {
        super("listening_score", MetricType.DOUBLE, "score 0-100", Scope.ALL_CHANNELS);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        if (c.conversation().utterances().stream().noneMatch(u -> u.speaker() == Speaker.AGENT && !u.text().isBlank())) {
            return null;
        }
        double weights = REFLECTIONS + QUESTIONS;
        double sum = REFLECTIONS * Math.min(1, c.utterancesWith(LanguageDetectors.REFLECTIVE, null, Speaker.AGENT) / 2.0)
                + QUESTIONS * Math.min(1, c.language().agentQuestions() / 3.0);
        if (c.isVoice()) {
            Double share = (Double) talkShare.compute(c);
            if (share != null) {
                weights += TALK;
                sum += TALK * Math.max(0, Math.min(1, (0.8 - share) / 0.3));
            }
            weights += ACKNOWLEDGEMENTS + INTERRUPTIONS;
            sum += ACKNOWLEDGEMENTS * Math.min(1, (Long) acknowledgements.compute(c) / 3.0)
                    + INTERRUPTIONS * Math.max(0, 1 - (Long) interruptions.compute(c) / 3.0);
        }
        return 100 * sum / weights;
    }
}
