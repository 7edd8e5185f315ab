package io.rapport.aggregate;

import io.rapport.metrics.ConversationMetric;
import io.rapport.metrics.MetricRegistry;
import io.rapport.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The daily aggregates and the weekly trends on four hand-made conversations: team t-a with agents a1 (a call and
 * a chat) and a2 (a call), team t-solo with its only agent s1 (an email). Agent a3 of t-a had no conversation and
 * so has no row. Every expected value is worked out in the comments; the rates are ratios of sums, never means of
 * the conversations' rates.
 */
class AggregatesTest {

    static final StructType SCHEMA = schema();

    static StructType schema() {
        StructType s = new StructType().add("agent_id", DataTypes.StringType).add("team_id", DataTypes.StringType)
                .add("channel", DataTypes.StringType);
        for (ConversationMetric m : MetricRegistry.ALL) {
            s = s.add(m.name(), switch (m.type()) {
                case LONG -> DataTypes.LongType;
                case DOUBLE -> DataTypes.DoubleType;
                case BOOLEAN -> DataTypes.BooleanType;
            });
        }
        return s;
    }

    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static Row conversation(String agent, String team, String channel, Map<String, Object> metrics) {
        List<Object> values = new ArrayList<>(List.of(agent, team, channel));
        for (ConversationMetric m : MetricRegistry.ALL) {
            values.add(metrics.get(m.name()));
        }
        return RowFactory.create(values.toArray());
    }

    static Dataset<Row> conversations() {
        return SharedSpark.session().createDataFrame(List.of(
                conversation("a1", "t-a", "voice", values("duration_ms", 600_000L, "agent_talk_ms", 200_000L,
                        "customer_talk_ms", 300_000L, "agent_talk_share", 0.4, "agent_interruptions", 2L,
                        "agent_interruptions_per_10min", 2.0, "empathy_requests", 2L, "empathy_responses", 1L,
                        "empathy_response_rate", 0.5, "listening_score", 80.0, "recap_present", true,
                        "agent_we_words", 3L, "agent_you_words", 1L, "collaboration_ratio", 0.75)),
                conversation("a1", "t-a", "chat", values("duration_ms", 300_000L, "empathy_requests", 1L,
                        "empathy_responses", 1L, "empathy_response_rate", 1.0, "listening_score", 40.0,
                        "recap_present", false, "agent_we_words", 0L, "agent_you_words", 2L, "collaboration_ratio", 0.0,
                        "first_response_ms", 60_000L, "median_agent_response_ms", 30_000.0)),
                conversation("a2", "t-a", "voice", values("duration_ms", 1_200_000L, "agent_talk_ms", 600_000L,
                        "customer_talk_ms", 400_000L, "agent_talk_share", 0.6, "agent_interruptions", 0L,
                        "agent_interruptions_per_10min", 0.0, "empathy_requests", 0L, "empathy_responses", 0L,
                        "listening_score", 50.0, "recap_present", false, "agent_we_words", 0L, "agent_you_words", 0L)),
                conversation("s1", "t-solo", "email", values("duration_ms", 86_400_000L, "empathy_requests", 0L,
                        "empathy_responses", 0L, "listening_score", 20.0, "recap_present", true, "agent_we_words", 1L,
                        "agent_you_words", 1L, "collaboration_ratio", 0.5, "first_response_ms", 7_200_000L))), SCHEMA);
    }

    static Row only(Dataset<Row> rows, String condition) {
        List<Row> found = rows.filter(condition).collectAsList();
        assertEquals(1, found.size(), condition);
        return found.get(0);
    }

    @Test
    void agentDailyAddsUpNumeratorsAndDenominators() {
        Dataset<Row> agents = DailyAggregates.agentDaily(conversations());
        assertEquals(3, agents.count(), "a1, a2, s1; a3 had no conversation and has no row");
        Row a1 = only(agents, "agent_id = 'a1'");
        assertEquals(2L, (long) a1.getAs("conversations"));
        assertEquals(1L, (long) a1.getAs("voice_conversations"));
        assertEquals(1L, (long) a1.getAs("chat_conversations"));
        assertEquals(0L, (long) a1.getAs("email_conversations"));
        assertEquals(900_000L, (long) a1.getAs("duration_ms"));
        assertEquals(2L, (long) a1.getAs("agent_interruptions"), "the chat's null is not a 0");
        // 2 interruptions over the 600 000 ms of the call (the chat has no interruption count): 2 per 10 min.
        assertEquals(2.0, (double) a1.getAs("agent_interruptions_per_10min"), 1e-9);
        assertEquals(600_000.0, (double) a1.getAs("agent_interruptions_per_10min_den"), 1e-9);
        // Responses 1 + 1 over requests 2 + 1 = 2/3, not the mean of 0.5 and 1.0.
        assertEquals(2.0 / 3, (double) a1.getAs("empathy_response_rate"), 1e-9);
        assertEquals(2.0, (double) a1.getAs("empathy_response_rate_num"), 1e-9);
        assertEquals(3.0, (double) a1.getAs("empathy_response_rate_den"), 1e-9);
        // we 3 over we + you = 3 + 1 + 0 + 2 = 6: 0.5, not the mean of 0.75 and 0.
        assertEquals(0.5, (double) a1.getAs("collaboration_ratio"), 1e-9);
        assertEquals(0.4, (double) a1.getAs("agent_talk_share"), 1e-9, "200 000 / 500 000, the call only");
        assertEquals(60.0, (double) a1.getAs("listening_score"), 1e-9, "a score: mean of 80 and 40");
        assertEquals(0.5, (double) a1.getAs("recap_present"), 1e-9, "share of conversations with a recap");
        assertEquals(60_000.0, (double) a1.getAs("first_response_ms"), 1e-9);
        assertFalse(List.of(agents.columns()).contains("median_agent_response_ms"), "medians do not add up");
    }

    @Test
    void teamDailyCountsAgentsAndKeepsNullsForChannelsWithoutTheMeasure() {
        Dataset<Row> teams = DailyAggregates.teamDaily(conversations());
        Row a = only(teams, "team_id = 't-a'");
        assertEquals(2L, (long) a.getAs("agents"));
        assertEquals(3L, (long) a.getAs("conversations"));
        // 2 interruptions over 600 000 + 1 200 000 ms of calls: 2 × 600 000 / 1 800 000.
        assertEquals(2.0 / 3, (double) a.getAs("agent_interruptions_per_10min"), 1e-9);
        // (200 000 + 600 000) / (500 000 + 1 000 000).
        assertEquals(800_000.0 / 1_500_000, (double) a.getAs("agent_talk_share"), 1e-9);
        assertEquals(2.0 / 3, (double) a.getAs("empathy_response_rate"), 1e-9);
        assertEquals(0.5, (double) a.getAs("collaboration_ratio"), 1e-9, "3 / (4 + 2 + 0)");
        assertEquals(170.0 / 3, (double) a.getAs("listening_score"), 1e-9);

        Row solo = only(teams, "team_id = 't-solo'");
        assertEquals(1L, (long) solo.getAs("agents"), "a team with one agent");
        assertEquals(1L, (long) solo.getAs("email_conversations"));
        assertNull(solo.getAs("agent_interruptions"), "an email-only team has no interruptions: null, not 0");
        assertNull(solo.getAs("agent_interruptions_per_10min"));
        assertNull(solo.getAs("empathy_response_rate"), "no request for empathy: no rate");
        assertEquals(0.0, (double) solo.getAs("empathy_response_rate_den"), 1e-9);
    }

    @Test
    void weeklyTrendsRollUpDaysAndCountOnlyFinalResolution() {
        Dataset<Row> monday = DailyAggregates.teamDaily(conversations()).withColumn("date", lit(Date.valueOf("2026-11-16")));
        Dataset<Row> tuesday = DailyAggregates.teamDaily(conversations().filter(col("agent_id").equalTo("a1")))
                .withColumn("date", lit(Date.valueOf("2026-11-17")));
        Dataset<Row> lastWeek = DailyAggregates.teamDaily(conversations().filter(col("agent_id").equalTo("s1")))
                .withColumn("date", lit(Date.valueOf("2026-11-13")));
        StructType resolutionSchema = new StructType().add("date", DataTypes.DateType).add("team_id", DataTypes.StringType)
                .add("status", DataTypes.StringType).add("single_conversation_resolved", DataTypes.BooleanType);
        Dataset<Row> resolution = SharedSpark.session().createDataFrame(List.of(
                RowFactory.create(Date.valueOf("2026-11-16"), "t-a", "final", true),
                RowFactory.create(Date.valueOf("2026-11-16"), "t-a", "final", false),
                RowFactory.create(Date.valueOf("2026-11-16"), "t-a", "final", null),
                RowFactory.create(Date.valueOf("2026-11-17"), "t-a", "provisional", true),
                RowFactory.create(Date.valueOf("2026-11-16"), "t-solo", "final", true)), resolutionSchema);

        Dataset<Row> trends = Trends.series(monday.unionByName(tuesday).unionByName(lastWeek), resolution);
        Row teamA = only(trends, "scope = 'team' AND team_id = 't-a' AND week_start = DATE'2026-11-16'");
        assertEquals(2L, (long) teamA.getAs("days"));
        assertEquals(5L, (long) teamA.getAs("conversations"), "3 on Monday, a1's 2 again on Tuesday");
        // Monday 2 / 3 and Tuesday 2 / 3 (a1 alone): 4 / 6.
        assertEquals(4.0 / 6, (double) teamA.getAs("empathy_response_rate"), 1e-9);
        // Interruptions 2 + 2 over 1 800 000 + 600 000 ms.
        assertEquals(4 * 600_000.0 / 2_400_000, (double) teamA.getAs("agent_interruptions_per_10min"), 1e-9);
        assertEquals(0.5, (double) teamA.getAs("single_conversation_resolution_rate"), 1e-9,
                "final rows with a verdict: 1 of 2; the provisional row does not count");
        Row company = only(trends, "scope = 'company' AND week_start = DATE'2026-11-16'");
        assertNull(company.getAs("team_id"));
        assertEquals(6L, (long) company.getAs("conversations"));
        assertEquals(2.0 / 3, (double) company.getAs("single_conversation_resolution_rate"), 1e-9);
        Row previous = only(trends, "scope = 'company' AND week_start = DATE'2026-11-09'");
        assertEquals(1L, (long) previous.getAs("conversations"));
        assertNull(previous.getAs("single_conversation_resolution_rate"), "no final row that week");
    }
}
