package io.rapport.aggregate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.cume_dist;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * What a coach opens for each agent: over the {@link #WINDOW_DAYS}-day window ending on the night, each coached
 * behaviour's rate against the team's median (the company's for a team with fewer than two ranked agents) and
 * the agent's percentile among ranked peers company-wide, the three behaviours
 * where the agent stands lowest among peers while worse than the team median (the training needs), and for each
 * need up to three moments from {@code behavior_events} to play back. Agents with fewer than
 * {@link #MIN_CONVERSATIONS} conversations in the window are marked as such, never ranked.
 */
public final class Coaching {

    public static final String TABLE = "coaching";
    public static final int WINDOW_DAYS = 28;
    public static final int MIN_CONVERSATIONS = 10;
    public static final int NEEDS = 3;
    public static final int EXAMPLES = 3;

    /**
     * One coached behaviour: its rate is Σ numerator × scale / Σ denominator over the agent's agent_daily rows; its
     * example moments are events of {@code eventBehavior} (with {@code eventDetail}, if given) in the agent's
     * conversations — the moments that called for the behaviour or show the problem.
     */
    public record Behaviour(String name, boolean higherIsBetter, String numerator, String denominator, double scale,
                            String eventBehavior, String eventDetail) {
    }

    public static final List<Behaviour> BEHAVIOURS = List.of(
            new Behaviour("empathy_response_rate", true, "empathy_response_rate_num", "empathy_response_rate_den", 1,
                    "complaint", null),
            new Behaviour("reflective_statements_per_conversation", true, "reflective_statements", "conversations", 1,
                    "complaint", null),
            new Behaviour("listening_score", true, "listening_score_num", "listening_score_den", 1,
                    "interruption", "agent_interrupted_customer"),
            new Behaviour("blame_statements_per_conversation", false, "blame_statements", "conversations", 1,
                    "blame", null),
            new Behaviour("agent_interruptions_per_10min", false, "agent_interruptions_per_10min_num",
                    "agent_interruptions_per_10min_den", 600_000, "interruption", "agent_interrupted_customer"),
            new Behaviour("solutions_offered_per_conversation", true, "solutions_offered", "conversations", 1,
                    "unresolved_signal", null),
            new Behaviour("recap_share", true, "recap_present_num", "recap_present_den", 1, "unresolved_signal", null),
            new Behaviour("collaboration_ratio", true, "collaboration_ratio_num", "collaboration_ratio_den", 1,
                    "blame", null));

    private Coaching() {
    }

    public static LocalDate windowStart(LocalDate night) {
        return night.minusDays(WINDOW_DAYS - 1);
    }

    /**
     * @param agentDaily agent_daily rows of the window's nights, with a {@code date} column
     * @param events     behavior_events rows of the same nights, with a {@code date} column
     */
    public static Dataset<Row> table(Dataset<Row> agentDaily, Dataset<Row> events, LocalDate night) {
        // The team of the agent's latest night; the team id breaks a tie when an agent moved team mid-night.
        List<Column> sums = new ArrayList<>(List.of(max_by(col("team_id"), struct(col("date"), col("team_id"))).as("team_id")));
        List<String> summed = new ArrayList<>(List.of("conversations"));
        for (Behaviour b : BEHAVIOURS) {
            for (String c : List.of(b.numerator(), b.denominator())) {
                if (!summed.contains(c)) {
                    summed.add(c);
                }
            }
        }
        // Summed as decimals: exact, so the rates do not depend on the order Spark adds the nights in.
        summed.forEach(c -> sums.add(sum(col(c).cast("decimal(38,12)")).cast("double").as(c)));
        // Small (one row per agent) and used by every branch below: computed once, not once per branch.
        Dataset<Row> totals = agentDaily.groupBy(col("agent_id"))
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new)).localCheckpoint();

        Dataset<Row> rows = null;
        for (Behaviour b : BEHAVIOURS) {
            Column den = col(b.denominator());
            Dataset<Row> r = totals.select(col("agent_id"), col("team_id"), col("conversations").cast("long").as("conversations"),
                    lit(b.name()).as("behaviour"),
                    lit(b.higherIsBetter() ? "higher_is_better" : "lower_is_better").as("direction"),
                    DailyAggregates.ratio(col(b.numerator()), den, b.scale()).as("agent_rate"));
            rows = rows == null ? r : rows.unionByName(r);
        }
        Column ranked = col("conversations").geq(MIN_CONVERSATIONS);
        rows = rows.withColumn("status", when(ranked, lit("ranked")).otherwise(lit("too_few_conversations")))
                // Oriented so that larger is always better: percentiles and gaps then read the same way.
                .withColumn("goodness", when(col("direction").equalTo("higher_is_better"), col("agent_rate"))
                        .otherwise(col("agent_rate").multiply(-1)))
                .localCheckpoint();

        Column rankable = ranked.and(col("agent_rate").isNotNull());
        // A team needs two ranked agents for its median to say anything; a smaller team is compared with the
        // company's median instead, and median_scope says which.
        Dataset<Row> teamMedians = rows.filter(rankable).groupBy(col("team_id"), col("behaviour"))
                .agg(expr("percentile(agent_rate, 0.5)").as("by_team"), expr("count(1)").as("team_ranked"));
        Dataset<Row> companyMedians = rows.filter(rankable).groupBy(col("behaviour"))
                .agg(expr("percentile(agent_rate, 0.5)").as("by_company"));
        Dataset<Row> medians = teamMedians.join(companyMedians, "behaviour")
                .withColumn("median_scope", when(col("team_ranked").geq(2), lit("team")).otherwise(lit("company")))
                .withColumn("team_median", when(col("team_ranked").geq(2), col("by_team")).otherwise(col("by_company")))
                .select(col("team_id").as("median_team_id"), col("behaviour").as("median_behaviour"), col("team_median"),
                        col("median_scope"));
        WindowSpec peers = Window.partitionBy(col("behaviour")).orderBy(col("goodness"));
        Dataset<Row> percentiles = rows.filter(rankable)
                // The share of peers the agent is at least as good as (cume_dist): agents tied at the best get 100.
                .withColumn("percentile", cume_dist().over(peers).multiply(100))
                .select(col("agent_id"), col("behaviour"), col("percentile"));
        Dataset<Row> rated = rows
                .join(medians, col("team_id").eqNullSafe(col("median_team_id"))
                        .and(col("behaviour").equalTo(col("median_behaviour"))), "left")
                .drop("median_team_id", "median_behaviour")
                .join(percentiles, new String[] {"agent_id", "behaviour"}, "left")
                .withColumn("gap", when(rankable.and(col("team_median").isNotNull()), greatest(lit(0.0),
                        when(col("direction").equalTo("higher_is_better"), col("team_median").minus(col("agent_rate")))
                                .otherwise(col("agent_rate").minus(col("team_median"))))));

        WindowSpec byAgent = Window.partitionBy(col("agent_id"))
                .orderBy(col("percentile").asc(), col("gap").desc(), col("behaviour").asc());
        Dataset<Row> needs = rated.filter(col("gap").gt(0)).withColumn("need_rank", row_number().over(byAgent))
                .filter(col("need_rank").leq(NEEDS)).select(col("agent_id"), col("behaviour"), col("need_rank"));
        rated = rated.join(needs, new String[] {"agent_id", "behaviour"}, "left").localCheckpoint();

        Dataset<Row> examples = examples(rated.filter(col("need_rank").isNotNull()), events);
        return rated.join(examples, new String[] {"agent_id", "behaviour"}, "left")
                .withColumn("window_start", lit(java.sql.Date.valueOf(windowStart(night))))
                .withColumn("window_end", lit(java.sql.Date.valueOf(night)))
                .withColumn("need_rank", col("need_rank").cast("int"))
                .withColumn("examples", coalesce(col("examples"), array().cast(EXAMPLE_ARRAY)))
                .selectExpr("agent_id", "team_id", "window_start", "window_end", "conversations", "status", "behaviour",
                        "direction", "agent_rate", "team_median", "median_scope", "percentile", "gap", "need_rank", "examples");
    }

    private static final String EXAMPLE_ARRAY = "array<struct<date:date,conversation_id:string,utterance_index:int,"
            + "offset_ms:bigint,speaker:string,excerpt:string,rule_id:string>>";

    /** Up to {@link #EXAMPLES} moments per need, the most recent first. */
    private static Dataset<Row> examples(Dataset<Row> needs, Dataset<Row> events) {
        // Which events illustrate which behaviour, as a small table, so the events are scanned once.
        List<Row> sourceRows = new ArrayList<>();
        for (Behaviour b : BEHAVIOURS) {
            sourceRows.add(org.apache.spark.sql.RowFactory.create(b.name(), b.eventBehavior(), b.eventDetail()));
        }
        Dataset<Row> sources = events.sparkSession().createDataFrame(sourceRows, new org.apache.spark.sql.types.StructType()
                .add("behaviour", "string").add("source_behavior", "string").add("source_detail", "string"));
        Dataset<Row> wanted = needs.select(col("agent_id").as("wanted_agent"), col("behaviour")).join(sources, "behaviour");
        Dataset<Row> matching = events.filter(col("behavior").isin(BEHAVIOURS.stream().map(Behaviour::eventBehavior)
                        .distinct().toArray()))
                .join(wanted, col("agent_id").equalTo(col("wanted_agent")).and(col("behavior").equalTo(col("source_behavior")))
                        .and(col("source_detail").isNull().or(col("detail").equalTo(col("source_detail")))))
                .drop("wanted_agent")
                // One moment per utterance, even when several rules of the behaviour fired on it.
                .groupBy(col("agent_id"), col("behaviour"), col("date"), col("conversation_id"), col("utterance_index"),
                        col("offset_ms"), col("speaker"), col("excerpt"))
                .agg(min(col("rule_id")).as("rule_id"));
        WindowSpec recent = Window.partitionBy(col("agent_id"), col("behaviour"))
                .orderBy(col("date").desc(), col("conversation_id").asc(), col("utterance_index").asc());
        Dataset<Row> picked = matching.withColumn("n", row_number().over(recent)).filter(col("n").leq(EXAMPLES));
        return picked.groupBy(col("agent_id"), col("behaviour")).agg(sort_array(collect_list(struct(
                        col("n").as("rank"), col("date"), col("conversation_id"), col("utterance_index"), col("offset_ms"),
                        col("speaker"), col("excerpt"), col("rule_id")))).as("ranked"))
                .withColumn("examples", expr("transform(ranked, e -> named_struct('date', e.date, 'conversation_id',"
                        + " e.conversation_id, 'utterance_index', e.utterance_index, 'offset_ms', e.offset_ms, 'speaker',"
                        + " e.speaker, 'excerpt', e.excerpt, 'rule_id', e.rule_id))").cast(EXAMPLE_ARRAY))
                .drop("ranked");
    }
}
