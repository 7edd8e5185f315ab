package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Of the customer's turns that ask for empathy — complaint language, or a negative sentiment score where sentiment
 * was scored — the share the agent answered with an empathy statement in their next turn (the agent utterances
 * before the customer speaks again). Null when no customer turn asked for it.
 */
final class EmpathyResponseRate extends ConversationMetric {
    /** A scored customer utterance at or below this (CoreNLP "negative" or "very negative") asks for empathy. */
    static final double NEGATIVE = -0.5;

    EmpathyResponseRate() {
        super("empathy_response_rate", MetricType.DOUBLE, "share 0-1", Scope.ALL_CHANNELS);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        List<Utterance> ordered = new ArrayList<>(c.conversation().utterances());
        ordered.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
        Map<Integer, Double> sentiment = c.language().sentiment() == null ? Map.of() : c.language().sentiment().scores();
        int asked = 0;
        int answered = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Utterance u = ordered.get(i);
            if (u.speaker() != Speaker.CUSTOMER) {
                continue;
            }
            boolean complaint = has(c, u, LanguageDetectors.COMPLAINT);
            Double score = sentiment.get(u.index());
            if (!complaint && (score == null || score > NEGATIVE)) {
                continue;
            }
            asked++;
            for (int j = i + 1; j < ordered.size(); j++) {
                Utterance next = ordered.get(j);
                if (next.speaker() == Speaker.CUSTOMER && !c.backchannel()[next.index()]) {
                    break;
                }
                if (next.speaker() == Speaker.AGENT && has(c, next, LanguageDetectors.EMPATHY)) {
                    answered++;
                    break;
                }
            }
        }
        return asked == 0 ? null : (double) answered / asked;
    }

    private static boolean has(AnalyzedConversation c, Utterance u, String behavior) {
        return c.events().stream().anyMatch(e -> e.utteranceIndex() == u.index() && e.behavior().equals(behavior));
    }
}
