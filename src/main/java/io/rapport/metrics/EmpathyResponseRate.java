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
 * was scored — the share the agent answered with an empathy statement within their next two turns (the agent
 * utterances before the customer's second non-backchannel utterance after it). Null when no customer turn asked.
 */
final class EmpathyResponseRate extends ConversationMetric {
    /** Which of the two counts an {@link EmpathyResponseRate.Count} metric reports. */
    enum Part { REQUESTS, RESPONSES }

    /** The rate's numerator or denominator as a column of its own, so aggregates can add them up. */
    static final class Count extends ConversationMetric {
        private final Part part;

        Count(Part part) {
            super(part == Part.REQUESTS ? "empathy_requests" : "empathy_responses", MetricType.LONG, "utterances",
                    Scope.ALL_CHANNELS);
            this.part = part;
        }

        @Override
        protected Object value(AnalyzedConversation c) {
            int[] counts = counts(c);
            return (long) counts[part == Part.REQUESTS ? 0 : 1];
        }
    }

    /** A scored customer utterance at or below this (CoreNLP "negative" or "very negative") asks for empathy. */
    static final double NEGATIVE = -0.5;
    /**
     * The answer may come in the agent's next two turns: agents often have to verify the customer ("can I take
     * your postcode?") before they can say anything else, and an apology after that still answers the complaint.
     */
    static final int RESPONSE_TURNS = 2;

    EmpathyResponseRate() {
        super("empathy_response_rate", MetricType.DOUBLE, "share 0-1", Scope.ALL_CHANNELS);
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.ratio("empathy_responses", 1, "empathy_requests");
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        int[] counts = counts(c);
        return counts[0] == 0 ? null : (double) counts[1] / counts[0];
    }

    /** {customer utterances asking for empathy, of those answered with empathy}. */
    static int[] counts(AnalyzedConversation c) {
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
            int customerTurns = 0;
            for (int j = i + 1; j < ordered.size(); j++) {
                Utterance next = ordered.get(j);
                if (next.speaker() == Speaker.CUSTOMER && !c.backchannel()[next.index()]
                        && ++customerTurns >= RESPONSE_TURNS) {
                    break;
                }
                if (next.speaker() == Speaker.AGENT && has(c, next, LanguageDetectors.EMPATHY)) {
                    answered++;
                    break;
                }
            }
        }
        return new int[] {asked, answered};
    }

    private static boolean has(AnalyzedConversation c, Utterance u, String behavior) {
        return c.events().stream().anyMatch(e -> e.utteranceIndex() == u.index() && e.behavior().equals(behavior));
    }
}
