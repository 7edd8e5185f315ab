package io.rapport.aggregate;

import io.rapport.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coaching on hand-made agent_daily totals: team t-a with a1 (strong), a2 (weak) and a3 (3 conversations, too few
 * to rank); team t-solo whose only agent s1 is compared with the company median. Medians, percentiles, gaps and
 * needs are worked out in the comments.
 */
class CoachingTest {

    static final LocalDate NIGHT = LocalDate.parse("2026-11-22");
    static final String[] COLUMNS = {"conversations", "empathy_response_rate_num", "empathy_response_rate_den",
            "reflective_statements", "listening_score_num", "listening_score_den", "blame_statements",
            "agent_interruptions_per_10min_num", "agent_interruptions_per_10min_den", "solutions_offered",
            "recap_present_num", "recap_present_den", "collaboration_ratio_num", "collaboration_ratio_den"};

    static Dataset<Row> agentDaily() {
        StructType schema = new StructType().add("date", DataTypes.DateType).add("agent_id", DataTypes.StringType)
                .add("team_id", DataTypes.StringType);
        for (String c : COLUMNS) {
            schema = schema.add(c, c.equals("conversations") ? DataTypes.LongType : DataTypes.DoubleType);
        }
        return SharedSpark.session().createDataFrame(List.of(
                // a1: empathy 9/10, reflective 12/12, listening 960/12 = 80, blame 0, interruptions 0, solutions 24/12,
                //     recap 6/12, collaboration 30/60. Split over two nights to show the window adds them up.
                row("2026-11-01", "a1", "t-a", 6, 4.0, 5.0, 6.0, 480.0, 6.0, 0.0, 0.0, 3_000_000.0, 12.0, 3.0, 6.0, 15.0, 30.0),
                row("2026-11-20", "a1", "t-a", 6, 5.0, 5.0, 6.0, 480.0, 6.0, 0.0, 0.0, 3_000_000.0, 12.0, 3.0, 6.0, 15.0, 30.0),
                // a2: empathy 3/10, reflective 6/12, listening 40, blame 6/12, interruptions 10 per 6 000 000 ms = 1.0,
                //     solutions 12/12, recap 3/12, collaboration 10/50.
                row("2026-11-21", "a2", "t-a", 12, 3.0, 10.0, 6.0, 480.0, 12.0, 6.0, 10.0, 6_000_000.0, 12.0, 3.0, 12.0, 10.0, 50.0),
                row("2026-11-22", "a3", "t-a", 3, 0.0, 2.0, 0.0, 150.0, 3.0, 3.0, 0.0, 600_000.0, 3.0, 0.0, 3.0, 1.0, 2.0),
                // s1 (email only): no interruption figures at all.
                row("2026-11-22", "s1", "t-solo", 15, 6.0, 10.0, 15.0, 900.0, 15.0, 0.0, null, null, 15.0, 15.0, 15.0, 20.0, 40.0),
                // Outside the 28-day window (which starts 2026-10-26): the caller filters it out by date.
                row("2026-10-01", "a1", "t-a", 50, 0.0, 50.0, 0.0, 0.0, 50.0, 50.0, 0.0, 1.0, 0.0, 0.0, 50.0, 0.0, 50.0)),
                schema).filter("date >= DATE'" + Coaching.windowStart(NIGHT) + "'");
    }

    static Row row(String date, String agent, String team, long conversations, Double... values) {
        List<Object> v = new ArrayList<>(List.of(Date.valueOf(date), agent, team, conversations));
        v.addAll(java.util.Arrays.asList((Object[]) values));
        return RowFactory.create(v.toArray());
    }

    static Dataset<Row> events() {
        StructType schema = new StructType().add("date", DataTypes.DateType).add("conversation_id", DataTypes.StringType)
                .add("agent_id", DataTypes.StringType).add("utterance_index", DataTypes.IntegerType)
                .add("speaker", DataTypes.StringType).add("behavior", DataTypes.StringType).add("detail", DataTypes.StringType)
                .add("offset_ms", DataTypes.LongType).add("excerpt", DataTypes.StringType).add("rule_id", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int day = 18; day <= 22; day++) {
            rows.add(RowFactory.create(Date.valueOf("2026-11-" + day), "c-" + day, "a2", 3, "agent", "interruption",
                    "agent_interrupted_customer", 1000L * day, "let me stop you there", "timing.overlap_min_500ms"));
        }
        rows.add(RowFactory.create(Date.valueOf("2026-11-21"), "c-21", "a2", 9, "customer", "unresolved_signal",
                "will_call_back", 90_000L, "I'll call back tomorrow", "resolution.will_call_back"));
        // Two complaint rules on one customer utterance: one moment to play back, not two.
        rows.add(RowFactory.create(Date.valueOf("2026-11-19"), "c-19", "a2", 1, "customer", "complaint", "judgement",
                4_000L, "this is ridiculous, I'm fed up", "complaint.this_is_ridiculous"));
        rows.add(RowFactory.create(Date.valueOf("2026-11-19"), "c-19", "a2", 1, "customer", "complaint", "emotion",
                4_000L, "this is ridiculous, I'm fed up", "complaint.fed_up"));
        rows.add(RowFactory.create(Date.valueOf("2026-11-20"), "c-x", "a1", 2, "agent", "interruption",
                "agent_interrupted_customer", 5_000L, "sorry, go on", "timing.overlap_min_500ms"));
        return SharedSpark.session().createDataFrame(rows, schema);
    }

    static final List<Row> TABLE = Coaching.table(agentDaily(), events(), NIGHT).collectAsList();

    static Row find(String agent, String behaviour) {
        return TABLE.stream().filter(r -> agent.equals(r.getAs("agent_id")) && behaviour.equals(r.getAs("behaviour")))
                .findFirst().orElseThrow();
    }

    @Test
    void everyAgentWithConversationsGetsEveryBehaviour() {
        assertEquals(4 * Coaching.BEHAVIOURS.size(), TABLE.size());
        assertTrue(TABLE.stream().allMatch(r -> r.getAs("agent_id") != null && r.getAs("behaviour") != null), TABLE.toString());
        Row a1 = find("a1", "empathy_response_rate");
        assertEquals(12L, (long) a1.getAs("conversations"), "two nights in the window, not the one before it");
        assertEquals(0.9, (double) a1.getAs("agent_rate"), 1e-9, "(4 + 5) / (5 + 5)");
        assertEquals(Date.valueOf("2026-10-26"), a1.getAs("window_start"));
    }

    @Test
    void agentsWithTooFewConversationsAreMarkedNotRanked() {
        Row a3 = find("a3", "listening_score");
        assertEquals("too_few_conversations", a3.getAs("status"));
        assertNull(a3.getAs("percentile"));
        assertNull(a3.getAs("gap"));
        assertNull(a3.getAs("need_rank"));
        assertEquals(50.0, (double) a3.getAs("agent_rate"), 1e-9, "the rate is still shown");
    }

    @Test
    void weakAgentGetsThreeNeedsWithMomentsToPlayBack() {
        // Team t-a medians over a1 and a2: listening (80 + 40) / 2 = 60, empathy (0.9 + 0.3) / 2 = 0.6, blame
        // (0 + 0.5) / 2 = 0.25. Percentiles (cume_dist among a1, a2, s1): a2 is alone at the bottom of listening,
        // empathy, reflection, blame, recap and collaboration (1 of 3: 33.3), shares the bottom of solutions with s1
        // (2 of 3: 66.7) and is the worse of the two agents with interruption figures (1 of 2: 50). Among the
        // 33.3s the gaps order the needs: listening 20, empathy 0.3, then blame and reflection (0.25, by name).
        Row listening = find("a2", "listening_score");
        assertEquals(60.0, (double) listening.getAs("team_median"), 1e-9);
        assertEquals("team", listening.getAs("median_scope"));
        assertEquals(100.0 / 3, (double) listening.getAs("percentile"), 1e-9);
        assertEquals(20.0, (double) listening.getAs("gap"), 1e-9);
        assertEquals(1, (int) listening.getAs("need_rank"));
        assertEquals(2, (int) find("a2", "empathy_response_rate").getAs("need_rank"));
        assertEquals(3, (int) find("a2", "blame_statements_per_conversation").getAs("need_rank"));
        assertEquals(50.0, (double) find("a2", "agent_interruptions_per_10min").getAs("percentile"), 1e-9);
        assertEquals(200.0 / 3, (double) find("a2", "solutions_offered_per_conversation").getAs("percentile"), 1e-9);
        assertNull(find("a2", "agent_interruptions_per_10min").getAs("need_rank"), "only three needs");

        List<Row> moments = listening.getList(listening.fieldIndex("examples"));
        assertEquals(3, moments.size(), "at most three");
        assertEquals(List.of("c-22", "c-21", "c-20"), moments.stream().map(m -> m.<String>getAs("conversation_id")).toList(),
                "most recent first, a2's own interruptions only");
        assertEquals(22_000L, (long) moments.get(0).getAs("offset_ms"));
        Row empathy = find("a2", "empathy_response_rate");
        List<Row> complaints = empathy.getList(empathy.fieldIndex("examples"));
        assertEquals(1, complaints.size(), "one utterance, however many rules fired on it");
        assertEquals("complaint.fed_up", complaints.get(0).getAs("rule_id"), "the first rule id, so the row is stable");
        Row solutions = find("a2", "solutions_offered_per_conversation");
        assertTrue(solutions.getList(solutions.fieldIndex("examples")).isEmpty(), "not a need: no examples");
    }

    @Test
    void strongAgentHasNoNeedsAndAOneAgentTeamIsComparedWithTheCompany() {
        assertTrue(TABLE.stream().filter(r -> r.getAs("agent_id").equals("a1")).allMatch(r -> r.getAs("need_rank") == null));
        assertEquals(100.0, (double) find("a1", "listening_score").getAs("percentile"), 1e-9);
        Row s1 = find("s1", "reflective_statements_per_conversation");
        assertEquals("company", s1.getAs("median_scope"), "t-solo has one ranked agent");
        assertEquals(1.0, (double) s1.getAs("team_median"), 1e-9, "median of a1 1.0, a2 0.5, s1 1.0");
        assertEquals(0.0, (double) s1.getAs("gap"), 1e-9);
        Row interruptions = find("s1", "agent_interruptions_per_10min");
        assertNull(interruptions.getAs("agent_rate"), "an email-only agent has no interruption rate");
        assertNull(interruptions.getAs("percentile"));
        assertTrue(TABLE.stream().filter(r -> r.getAs("agent_id").equals("s1")).allMatch(r -> r.getAs("need_rank") == null));
    }
}
