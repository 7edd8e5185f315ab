package io.rapport.aggregate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

/**
 * Weekly series of the headline rates for leadership, company-wide and per team: single-conversation resolution
 * (final rows of the resolution table only), empathy response rate, agent interruptions per 10 minutes and
 * listening score. Each night rewrites the series of the {@link #WEEKS} weeks ending with its own week, rolled up
 * from team_daily's numerators and denominators, so a week's figure is never an average of daily rates.
 */
public final class Trends {

    public static final String TABLE = "trends";
    public static final int WEEKS = 12;
    public static final List<String> HEADLINES = List.of("empathy_response_rate", "agent_interruptions_per_10min",
            "listening_score");

    private Trends() {
    }

    /** Monday of the earliest week in the series that ends with {@code night}'s week. */
    public static LocalDate firstDay(LocalDate night) {
        return night.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
    }

    /**
     * @param teamDaily  team_daily rows of the nights from {@link #firstDay} to the night, with a {@code date} column
     * @param resolution resolution rows of the same nights (date, team_id, status, single_conversation_resolved)
     */
    public static Dataset<Row> series(Dataset<Row> teamDaily, Dataset<Row> resolution) {
        Column week = to_date(date_trunc("week", col("date"))).as("week_start");
        Dataset<Row> daily = weekly(teamDaily.withColumn("week_start", week), List.of(col("week_start"), col("team_id")))
                .withColumn("scope", lit("team"));
        Dataset<Row> company = weekly(teamDaily.withColumn("week_start", week), List.of(col("week_start")))
                .withColumn("team_id", lit(null).cast("string")).withColumn("scope", lit("company"));
        Dataset<Row> rates = daily.unionByName(company);

        Dataset<Row> r = resolution.withColumn("week_start", week).filter(col("status").equalTo("final"));
        Column rated = count(when(col("single_conversation_resolved").isNotNull(), 1)).as("final_rated");
        Column resolved = count(when(col("single_conversation_resolved"), 1)).as("final_resolved");
        Dataset<Row> byTeam = r.groupBy(col("week_start"), col("team_id")).agg(rated, resolved)
                .withColumn("scope", lit("team"));
        Dataset<Row> all = r.groupBy(col("week_start")).agg(rated, resolved)
                .withColumn("team_id", lit(null).cast("string")).withColumn("scope", lit("company"));
        Dataset<Row> scr = byTeam.unionByName(all);

        List<String> out = new ArrayList<>(List.of("week_start", "scope", "team_id", "days", "conversations",
                "single_conversation_resolution_rate", "final_rated", "final_resolved"));
        for (String h : HEADLINES) {
            out.addAll(List.of(h, h + "_num", h + "_den"));
        }
        return rates.join(scr, rates.col("week_start").equalTo(scr.col("week_start"))
                                .and(rates.col("scope").equalTo(scr.col("scope")))
                                .and(rates.col("team_id").eqNullSafe(scr.col("team_id"))), "left")
                .select(rates.col("week_start"), rates.col("scope"), rates.col("team_id"), col("days"),
                        col("conversations"), col("final_rated"), col("final_resolved"),
                        col("empathy_response_rate_num"), col("empathy_response_rate_den"),
                        col("agent_interruptions_per_10min_num"), col("agent_interruptions_per_10min_den"),
                        col("listening_score_num"), col("listening_score_den"))
                .withColumn("single_conversation_resolution_rate",
                        when(col("final_rated").gt(0), col("final_resolved").divide(col("final_rated"))))
                .transform(Trends::headlineRatios)
                .selectExpr(out.toArray(String[]::new));
    }

    private static Dataset<Row> weekly(Dataset<Row> teamDaily, List<Column> keys) {
        List<Column> aggs = new ArrayList<>(List.of(countDistinct(col("date")).as("days"),
                sum(col("conversations")).as("conversations")));
        for (String h : HEADLINES) {
            aggs.add(sum(col(h + "_num").cast("decimal(38,12)")).cast("double").as(h + "_num"));
            aggs.add(sum(col(h + "_den")).as(h + "_den"));
        }
        return teamDaily.groupBy(keys.toArray(Column[]::new))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }

    private static Dataset<Row> headlineRatios(Dataset<Row> parts) {
        Map<String, Column> ratios = new LinkedHashMap<>();
        for (String h : HEADLINES) {
            ratios.put(h, DailyAggregates.ratio(h));
        }
        return parts.withColumns(ratios);
    }
}
