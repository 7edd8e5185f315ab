package io.rapport.metrics;

import io.rapport.analysis.AnalyzedConversation;

import java.io.Serializable;

/**
 * One conversation-level measure: a named, typed, pure function of an analysed conversation.
 * Definitions, units and null rules are in docs/metrics.md under the metric's name.
 */
public abstract class ConversationMetric implements Serializable {

    private final String name;
    private final MetricType type;
    private final String unit;
    private final Scope scope;

    protected ConversationMetric(String name, MetricType type, String unit, Scope scope) {
        this.name = name;
        this.type = type;
        this.unit = unit;
        this.scope = scope;
    }

    public final String name() {
        return name;
    }

    public final MetricType type() {
        return type;
    }

    public final String unit() {
        return unit;
    }

    public final Scope scope() {
        return scope;
    }

    /**
     * How the metric adds up over conversations (docs/tables.md, aggregates): by default counts and durations are
     * summed, booleans become the share of true values and other doubles a mean; ratios override this.
     */
    public Aggregation aggregation() {
        return switch (type) {
            case LONG -> Aggregation.SUM;
            case BOOLEAN -> Aggregation.SHARE;
            case DOUBLE -> Aggregation.MEAN;
        };
    }

    /** The value: a Long, Double or Boolean matching {@link #type()}, or null when the metric does not apply. */
    public final Object compute(AnalyzedConversation c) {
        return scope.covers(c.conversation().channel()) ? value(c) : null;
    }

    /** The value for a conversation in scope; null when the data needed is absent. */
    protected abstract Object value(AnalyzedConversation c);

    @Override
    public String toString() {
        return name;
    }
}
