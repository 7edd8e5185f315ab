package io.rapport.aggregate;

import io.rapport.metrics.Aggregation;
import io.rapport.metrics.ConversationMetric;
import io.rapport.metrics.MetricRegistry;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The per-agent and per-team daily tables: every conversation metric added up as its registry's
 * {@link Aggregation} says — counts summed, rates as Σ numerator / Σ denominator — so a day, a week or a quarter
 * can be rolled up from them by summing the {@code _num} and {@code _den} columns and dividing once.
 */
public final class DailyAggregates {

    public static final String AGENT_DAILY = "agent_daily";
    public static final String TEAM_DAILY = "team_daily";
    public static final List<String> CHANNELS = List.of("voice", "chat", "email");

    private DailyAggregates() {
    }

    /** One row per agent (and the team the conversations name) for one night's conversations. */
    public static Dataset<Row> agentDaily(Dataset<Row> conversations) {
        return aggregate(conversations, List.of(col("agent_id"), col("team_id")), List.of());
    }

    /** One row per team; conversations without a team form the row whose team_id is null. */
    public static Dataset<Row> teamDaily(Dataset<Row> conversations) {
        return aggregate(conversations, List.of(col("team_id")), List.of(countDistinct(col("agent_id")).as("agents")));
    }

    private static Dataset<Row> aggregate(Dataset<Row> conversations, List<Column> keys, List<Column> extra) {
        List<Column> aggs = new ArrayList<>(extra);
        aggs.add(count(lit(1)).as("conversations"));
        for (String channel : CHANNELS) {
            aggs.add(count(when(col("channel").equalTo(channel), 1)).as(channel + "_conversations"));
        }
        for (ConversationMetric m : MetricRegistry.ALL) {
            Aggregation a = m.aggregation();
            Column value = col(m.name());
            switch (a.kind()) {
                case SUM -> aggs.add(sum(value).as(m.name()));
                case RATIO -> {
                    Column numerator = col(a.numerator());
                    Column denominator = a.denominator().stream().map(c -> coalesce(col(c), lit(0)))
                            .reduce(Column::plus).orElseThrow();
                    aggs.add(sum(numerator).cast("double").as(m.name() + "_num"));
                    aggs.add(sum(when(numerator.isNotNull(), denominator)).cast("double").as(m.name() + "_den"));
                }
                case MEAN -> {
                    // Summed as decimals: exact, so the result does not depend on the order Spark adds rows in.
                    aggs.add(sum(value.cast("decimal(38,12)")).cast("double").as(m.name() + "_num"));
                    aggs.add(count(value).cast("double").as(m.name() + "_den"));
                }
                case SHARE -> {
                    aggs.add(count(when(value, 1)).cast("double").as(m.name() + "_num"));
                    aggs.add(count(value).cast("double").as(m.name() + "_den"));
                }
                case NONE -> {
                    // Not added up: see the metric's aggregation().
                }
            }
        }
        Dataset<Row> grouped = conversations.groupBy(keys.toArray(Column[]::new))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        List<String> leading = new ArrayList<>();
        for (String c : grouped.columns()) {
            if (MetricRegistry.ALL.stream().noneMatch(m -> c.equals(m.name()) || c.startsWith(m.name() + "_"))) {
                leading.add(c);
            }
        }
        return withRatios(grouped).selectExpr(metricColumns(leading).toArray(String[]::new));
    }

    /** The given columns, then each aggregated metric's value followed by its numerator and denominator. */
    static List<String> metricColumns(List<String> leading) {
        List<String> out = new ArrayList<>(leading);
        for (ConversationMetric m : MetricRegistry.ALL) {
            Aggregation a = m.aggregation();
            if (a.kind() != Aggregation.Kind.NONE) {
                out.add(m.name());
            }
            if (a.hasParts()) {
                out.add(m.name() + "_num");
                out.add(m.name() + "_den");
            }
        }
        return out;
    }

    /** Adds {@code <metric> = <metric>_num × scale / <metric>_den} (null when the denominator is 0 or null). */
    public static Dataset<Row> withRatios(Dataset<Row> parts) {
        // One projection: withColumn per metric would analyse the whole plan again for each of them.
        Map<String, Column> ratios = new LinkedHashMap<>();
        for (ConversationMetric m : MetricRegistry.ALL) {
            if (m.aggregation().hasParts()) {
                ratios.put(m.name(), ratio(m.name()));
            }
        }
        return parts.withColumns(ratios);
    }

    /** {@code <metric>_num × scale / <metric>_den} of a metric with parts, from its summed columns. */
    public static Column ratio(String metric) {
        return ratio(col(metric + "_num"), col(metric + "_den"), MetricRegistry.byName(metric).aggregation().scale());
    }

    /** {@code numerator × scale / denominator}; null when the denominator is 0 or null. */
    public static Column ratio(Column numerator, Column denominator, double scale) {
        return when(denominator.gt(0), numerator.multiply(scale).divide(denominator));
    }
}
