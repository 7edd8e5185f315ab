package io.rapport.job;

import io.rapport.testing.SharedSpark;
import io.rapport.testing.Shell;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled sample nights through the real job, read back from Parquet. The generator knows what it put in
 * (which agents interrupt, which records are bad), so the checks compare against that ground truth.
 */
class SampleNightsEndToEndTest {

    static final List<String> NIGHTS = List.of("2026-11-20", "2026-11-21", "2026-11-22");

    @TempDir
    static Path warehouse;
    static SparkSession spark;
    static String summary;

    @BeforeAll
    static void runSampleNights() {
        spark = SharedSpark.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExitCode code = NightlyJob.run(JobArguments.parse(new String[] {"--from", NIGHTS.get(0), "--to", NIGHTS.get(2),
                        "--input", "samples/landing", "--warehouse", warehouse.toString()}), spark,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, code, summary);
    }

    static Dataset<Row> table(String name) {
        return spark.read().parquet(warehouse.resolve(name).toString());
    }

    @Test
    void everyNightReconcilesWithTheGeneratorsCounts() {
        for (String night : NIGHTS) {
            assertTrue(summary.contains("nightly " + night), summary);
        }
        assertEquals(3, summary.split("read 59 = processed 48 \\+ quarantined 11", -1).length - 1, summary);
        for (Row run : table("runs").collectAsList()) {
            assertEquals((long) run.getAs("read"), (long) run.getAs("processed") + (long) run.<Long>getAs("quarantined"));
        }
        assertEquals(3 * 48, table("conversations").count());
        assertEquals(3 * 48, table("conversations").select("date", "conversation_id").distinct().count(),
                "no conversation twice in a night");
    }

    @Test
    void eachKindOfBadRecordIsQuarantinedOncePerNight() {
        Set<String> expected = new TreeSet<>(List.of("MALFORMED_JSON", "MISSING_FIELD", "UNKNOWN_CHANNEL",
                "UNKNOWN_SPEAKER", "END_BEFORE_START", "NEGATIVE_OFFSET", "MISSING_END_MS", "EMPTY_UTTERANCES",
                "MALFORMED_CSV", "INCOMPLETE_CONVERSATION", "DUPLICATE_CONVERSATION_ID"));
        for (String night : NIGHTS) {
            List<Row> rows = table("quarantine").filter("date = '" + night + "'").collectAsList();
            assertEquals(expected, new TreeSet<>(rows.stream().map(r -> r.<String>getAs("reason_code")).toList()));
            assertEquals(11, rows.size());
            rows.forEach(r -> assertTrue(r.<Long>getAs("line") > 0 && !r.<String>getAs("message").isBlank()));
        }
        Row kept = table("conversations").filter("conversation_id = 'c-20261122-0029'").first();
        assertEquals("conversations-0001.jsonl", kept.getAs("source_file"), "the JSONL copy sorts first and is kept");
    }

    @Test
    void metricsAreFilledForTheirChannelAndNullElsewhere() {
        Dataset<Row> c = table("conversations");
        assertEquals(0, c.filter("channel = 'voice' AND (agent_talk_ms IS NULL OR agent_interruptions IS NULL"
                + " OR agent_talk_share IS NULL OR agent_messages IS NOT NULL OR first_response_ms IS NOT NULL)").count());
        assertEquals(0, c.filter("channel <> 'voice' AND (agent_talk_ms IS NOT NULL OR agent_interruptions IS NOT NULL"
                + " OR agent_messages IS NULL OR customer_messages IS NULL)").count());
        assertTrue(c.filter("channel = 'voice'").count() > 0 && c.filter("channel = 'chat'").count() > 0
                && c.filter("channel = 'email'").count() > 0);
        assertEquals(0, c.filter("channel = 'voice' AND (agent_talk_share <= 0 OR agent_talk_share >= 1"
                + " OR non_talk_ms < 0 OR duration_ms < 120000)").count(), "generated calls last 2-12 minutes");
        assertTrue(c.filter("channel = 'chat' AND first_response_ms BETWEEN 10000 AND 180000").count() > 0);
    }

    @Test
    void onlyTheAgentsTheGeneratorMadeInterruptGetInterruptions() {
        List<String> interrupters = table("conversations").filter("agent_interruptions > 0")
                .select("agent_id").distinct().orderBy("agent_id").collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        assertEquals(List.of("ag-13", "ag-16"), interrupters,
                "backchannels and sub-threshold overlaps of the other agents must not count");
        assertTrue(table("behavior_events").filter("behavior = 'acknowledgement' AND speaker = 'agent'").count() > 0);
    }

    @Test
    void languageBehavioursAreFoundWhereTheGeneratorScriptedThem() {
        List<String> behaviours = table("behavior_events").select("behavior").distinct().orderBy("behavior")
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        assertTrue(behaviours.containsAll(List.of("blame", "complaint", "empathy", "recap", "reflective_listening",
                "solution_offered")), behaviours.toString());
        // The generator scripts blame for Dave (ag-13) and never for Priya (ag-11) or Aisha (ag-14). The detectors'
        // held-out precision is about 0.9 (docs/metrics.md), so a polite refusal may now and then read as blame; the
        // blaming agent must still stand out.
        Map<String, Long> blamed = table("conversations").filter("blame_statements > 0").groupBy("agent_id").count()
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        long dave = blamed.getOrDefault("ag-13", 0L);
        long polite = blamed.getOrDefault("ag-11", 0L) + blamed.getOrDefault("ag-14", 0L);
        assertTrue(dave > 0 && dave >= 3 * polite && blamed.values().stream().allMatch(n -> n <= dave),
                "conversations with blame per agent: " + blamed);
        Dataset<Row> c = table("conversations");
        assertEquals(0, c.filter("empathy_statements IS NULL OR listening_score NOT BETWEEN 0 AND 100"
                + " OR collaboration_ratio NOT BETWEEN 0 AND 1").count());
        assertEquals(0, c.filter("channel = 'voice' AND (customer_sentiment_change IS NULL"
                + " OR customer_opening_uninterrupted IS NULL)").count(), "sentiment is on by default");
        assertEquals(0, c.filter("channel <> 'voice' AND customer_opening_uninterrupted IS NOT NULL").count());
    }

    @Test
    void aggregatesAddUpToTheNightsConversations() {
        for (String night : List.of("2026-11-20", "2026-11-21", "2026-11-22")) {
            long conversations = table("conversations").filter("date = '" + night + "'").count();
            for (String aggregate : List.of("agent_daily", "team_daily")) {
                Row sums = table(aggregate).filter("date = '" + night + "'")
                        .selectExpr("sum(conversations)", "sum(voice_conversations + chat_conversations + email_conversations)")
                        .first();
                assertEquals(conversations, sums.getLong(0), aggregate + " " + night);
                assertEquals(conversations, sums.getLong(1), aggregate + " " + night);
            }
        }
        Row week = table("trends").filter("date = '2026-11-22' AND scope = 'company' AND week_start = '2026-11-16'").first();
        assertEquals(table("conversations").count(), (long) week.getAs("conversations"), "the three sample nights are one week");
        assertEquals(3L, (long) week.getAs("days"));
    }

    /**
     * The three notebooks executed headless against the sample warehouse, and the leadership report rendered and
     * checked for its charts (notebooks/check_report.py). Needs python3 >= 3.9 with venv; jobs/notebooks installs
     * notebooks/requirements.txt into .venv on first use.
     */
    @Test
    void notebooksRunAndTheLeadershipReportRendersWithItsCharts(@TempDir Path out) throws Exception {
        String night = NIGHTS.get(2);
        assertEquals(0, Shell.run(out.resolve("run.log"), "jobs/notebooks", "run", "--warehouse", warehouse.toString(),
                "--date", night, "--out", out.resolve("executed").toString()));
        assertEquals(0, Shell.run(out.resolve("report.log"), "jobs/notebooks", "report", "--warehouse", warehouse.toString(),
                "--date", night, "--out", out.resolve("reports").toString()));
        Path html = out.resolve("reports/date=" + night + "/leadership_report.html");
        assertEquals(0, Shell.run(out.resolve("check.log"), ".venv/bin/python", "notebooks/check_report.py", html.toString()));
        for (String nb : List.of("quality_review", "coaching", "leadership_report")) {
            assertTrue(java.nio.file.Files.exists(out.resolve("executed/" + nb + ".ipynb")), nb + " was executed");
        }
    }

    @Test
    void everyEventPointsAtAnUtteranceOfItsConversation() {
        Dataset<Row> events = table("behavior_events");
        Dataset<Row> conversations = table("conversations").select("date", "conversation_id", "utterance_count");
        assertTrue(events.count() > 0);
        assertEquals(events.count(), events.join(conversations, new String[] {"date", "conversation_id"}).filter(
                "utterance_index >= 0 AND utterance_index < utterance_count").count());
        assertEquals(0, events.filter("behavior = 'interruption' AND detail NOT IN"
                + " ('agent_interrupted_customer', 'customer_interrupted_agent')").count());
    }

    @Test
    void resolutionCoversEverySampleConversationAndStaysProvisionalInsideTheWindow() {
        Dataset<Row> r = table("resolution");
        assertEquals(3 * 48, r.count());
        assertEquals(0, r.filter("status <> 'provisional'").count(), "three nights cannot close a 7-day window");
        assertTrue(r.filter("repeat_contact").count() > 0, "the generator reuses customers across nights");
        assertEquals(0, r.filter("customer_id IS NULL AND (repeat_contact IS NOT NULL"
                + " OR single_conversation_resolved IS NOT NULL)").count());
        assertEquals(0, r.filter("repeat_contact AND single_conversation_resolved").count());
        assertEquals(0, r.filter("resolved_in_conversation = false AND single_conversation_resolved").count());
        assertTrue(r.filter("resolved_in_conversation").count() > 0 && r.filter("NOT resolved_in_conversation").count() > 0,
                "the generator writes resolved and unresolved endings");
        assertTrue(summary.contains("resolution, nights 2026-11-15..2026-11-22 (repeat window 7 days)"), summary);
        assertTrue(summary.contains("overall  all    single-conversation resolved n/a of 0 final"), summary);
        Row overall = table("resolution_rates").filter("date = '2026-11-22' AND dimension = 'overall'").first();
        assertEquals(48L, (long) overall.getAs("conversations"));
        assertEquals(1.0, (double) overall.getAs("provisional_share"), 1e-12);
    }
}
