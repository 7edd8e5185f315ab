package io.rapport.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * How a conversation metric adds up over many conversations (an agent's day, a team's week). Every aggregate is
 * kept as a numerator and a denominator, so partial results add up and a rate is never an average of averages:
 * the aggregate value is {@code numerator × scale / denominator}.
 *
 * @param kind        SUM: counts and milliseconds, summed (no ratio); RATIO: Σ numerator column × scale / Σ
 *                    denominator columns, over conversations where the numerator is not null; MEAN: Σ value / number
 *                    of non-null values; SHARE: true values / non-null values; NONE: does not aggregate (medians)
 * @param numerator   the column summed as numerator (RATIO)
 * @param denominator the columns whose sum is the denominator (RATIO)
 */
public record Aggregation(Kind kind, String numerator, List<String> denominator, double scale) implements Serializable {

    public enum Kind { SUM, RATIO, MEAN, SHARE, NONE }

    public static final Aggregation SUM = new Aggregation(Kind.SUM, null, List.of(), 1);
    public static final Aggregation MEAN = new Aggregation(Kind.MEAN, null, List.of(), 1);
    public static final Aggregation SHARE = new Aggregation(Kind.SHARE, null, List.of(), 1);
    public static final Aggregation NONE = new Aggregation(Kind.NONE, null, List.of(), 1);

    public static Aggregation ratio(String numerator, double scale, String... denominator) {
        return new Aggregation(Kind.RATIO, numerator, List.of(denominator), scale);
    }

    /** Whether the aggregate tables carry {@code <metric>_num} and {@code <metric>_den} next to the value. */
    public boolean hasParts() {
        return kind == Kind.RATIO || kind == Kind.MEAN || kind == Kind.SHARE;
    }
}
