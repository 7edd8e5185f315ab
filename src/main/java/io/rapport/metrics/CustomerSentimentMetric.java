package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.language.CustomerSentiment;

/**
 * The customer's sentiment at the start or the end, -1 (very negative) to +1 (very positive), or its change
 * (end minus start; positive means the customer calmed). Null when sentiment is switched off or fewer than two
 * customer utterances could be scored.
 */
final class CustomerSentimentMetric extends ConversationMetric {
    private enum Part { START, END, CHANGE }

    private final Part part;

    private CustomerSentimentMetric(String name, Part part) {
        super(name, MetricType.DOUBLE, "score -1..+1", Scope.ALL_CHANNELS);
        this.part = part;
    }

    static CustomerSentimentMetric start() {
        return new CustomerSentimentMetric("customer_sentiment_start", Part.START);
    }

    static CustomerSentimentMetric end() {
        return new CustomerSentimentMetric("customer_sentiment_end", Part.END);
    }

    static CustomerSentimentMetric change() {
        return new CustomerSentimentMetric("customer_sentiment_change", Part.CHANGE);
    }

    @Override
    protected Object value(AnalyzedConversation c) {
        CustomerSentiment.Arc arc = c.language().sentiment();
        if (arc == null) {
            return null;
        }
        return switch (part) {
            case START -> arc.start();
            case END -> arc.end();
            case CHANGE -> arc.change();
        };
    }
}
