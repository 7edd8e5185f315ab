package io.rapport.pipeline;

import io.rapport.privacy.PseudonymKey;
import io.rapport.testing.Conversations;
import io.rapport.testing.Landing;
import io.rapport.testing.SharedSpark;
import io.rapport.warehouse.NightPublisher;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One night through the real pipeline on a hand-built landing folder, read back from Parquet. */
class NightlyPipelineTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 11, 22);
    static final String CSV_HEADER =
            "conversation_id,channel,started_at,agent_id,team_id,customer_id,queue,utterance_index,speaker,start_ms,end_ms,text";

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path landing;
    static Path warehouse;
    static NightResult first;

    @BeforeAll
    static void runNight() {
        spark = SharedSpark.session();
        landing = tmp.resolve("landing");
        warehouse = tmp.resolve("warehouse");
        Path night = Landing.night(landing, NIGHT);
        Landing.write(night.resolve("a.jsonl"),
                Landing.jsonLine(Conversations.call(), "c-1", "cu-1"),
                Landing.jsonLine(Conversations.chatWithWaits(), "c-2", null),
                "{\"conversation_id\": \"c-x\", ",
                "{\"conversation_id\": \"c-4\", \"channel\": \"voice\", \"started_at\": \"2026-11-22T08:00:00Z\","
                        + " \"agent_id\": \"ag-1\", \"utterances\": []}");
        Landing.write(night.resolve("b.csv"), CSV_HEADER,
                "c-1,chat,2026-11-22T11:00:00Z,ag-2,,,,0,customer,0,,a different c-1",
                "c-5,email,2026-11-22T11:00:00Z,ag-2,t-2,cu-9,orders,0,customer,0,,\"Hello,\nwhere is my order?\"",
                "c-5,email,2026-11-22T11:00:00Z,ag-2,t-2,cu-9,orders,1,agent,7200000,,It ships today.");
        Landing.writeGzip(night.resolve("sub/c.jsonl.gz"), Landing.jsonLine(Conversations.call(), "c-3", "cu-3"));
        Landing.write(night.resolve("_in_progress.jsonl"), "ignored by convention");
        Landing.write(night.resolve(".hidden"), "ignored by convention");
        first = new NightlyPipeline(spark, options()).run(NIGHT);
    }

    static NightOptions options() {
        return NightOptions.defaults(landing.toString(), warehouse.toString());
    }

    static Dataset<Row> table(String name) {
        return spark.read().parquet(warehouse.resolve(name).toString()).filter("date = '" + NIGHT + "'");
    }

    static Row conversation(String id) {
        return table("conversations").filter("conversation_id = '" + id + "'").first();
    }

    @Test
    void reconcilesEveryRecordRead() {
        assertEquals(7, first.read(), "4 in a.jsonl, 2 conversations in b.csv, 1 in the gzip");
        assertEquals(4, first.processed());
        assertEquals(3, first.quarantined());
        assertEquals(Map.of("DUPLICATE_CONVERSATION_ID", 1L, "EMPTY_UTTERANCES", 1L, "MALFORMED_JSON", 1L),
                first.quarantinedByReason());
        assertEquals(List.of("a.jsonl", "b.csv", "sub/c.jsonl.gz"),
                first.inputFiles().stream().map(f -> f.substring(f.indexOf("date=2026-11-22/") + 16)).toList());
    }

    @Test
    void conversationsCarryIdsAndExactMetrics() {
        Row c1 = conversation("c-1");
        assertEquals("voice", c1.getAs("channel"));
        assertEquals(Timestamp.from(Instant.parse("2026-11-22T09:00:00Z")), c1.getAs("started_at"));
        assertEquals(PseudonymKey.DEMO.pseudonym("cu-1"), c1.getAs("customer_id"), "pseudonymised");
        assertTrue(c1.<String>getAs("customer_id").matches("cus_[0-9a-f]{20}"));
        assertEquals(9, (int) c1.getAs("utterance_count"));
        assertEquals(40000L, (long) c1.getAs("duration_ms"));
        assertEquals(14400L, (long) c1.getAs("agent_talk_ms"));
        assertEquals(18300L, (long) c1.getAs("customer_talk_ms"));
        assertEquals(11900L, (long) c1.getAs("non_talk_ms"));
        assertEquals(9600L, (long) c1.getAs("longest_customer_turn_ms"));
        assertEquals(1L, (long) c1.getAs("agent_interruptions"));
        assertEquals(15.0, (double) c1.getAs("customer_interruptions_per_10min"), 1e-9);
        assertNull(c1.getAs("agent_messages"), "voice has no message counts");
        assertEquals(Boolean.TRUE, c1.getAs("resolved_in_conversation"));
        assertEquals("a.jsonl", c1.getAs("source_file"));
        assertEquals(1L, (long) c1.getAs("source_line"));

        Row c2 = conversation("c-2");
        assertNull(c2.getAs("customer_id"));
        assertNull(c2.getAs("agent_interruptions"), "chat interruptions are null, not 0");
        assertEquals(60000L, (long) c2.getAs("first_response_ms"));
        assertEquals(45000.0, (double) c2.getAs("median_agent_response_ms"), 1e-9);

        Row c5 = conversation("c-5");
        assertEquals("b.csv", c5.getAs("source_file"));
        assertEquals(7200000L, (long) c5.getAs("first_response_ms"));
        assertEquals(1, conversation("c-3").<Long>getAs("agent_interruptions"), "read through the gzip codec");
    }

    @Test
    void eventsPointAtTheirUtterances() {
        List<Row> events = table("behavior_events").filter("conversation_id = 'c-1'")
                .orderBy("utterance_index", "behavior").collectAsList();
        assertEquals(6, events.size());
        assertEquals(List.of(1, 2, 3, 6, 7, 8), events.stream().map(r -> r.<Integer>getAs("utterance_index")).toList());
        assertEquals(List.of("complaint", "acknowledgement", "interruption", "solution_offered", "interruption",
                "resolution_confirmed"), events.stream().map(r -> r.<String>getAs("behavior")).toList());
        assertEquals("resolution.fixed_it", events.get(5).getAs("rule_id"));
        assertEquals("complaint.kept_waiting", events.get(0).getAs("rule_id"), "\"charged twice\" comes first");
        assertEquals("solution_offered.i_can_do", events.get(3).getAs("rule_id"));
        assertEquals("customer_interrupted_agent", events.get(4).getAs("detail"));
        assertEquals(33000L, (long) events.get(4).getAs("offset_ms"));
        assertEquals("wait, which card?", events.get(4).getAs("excerpt"));
        assertEquals("ag-1", events.get(4).getAs("agent_id"));
    }

    @Test
    void quarantineSaysWhereAndWhy() {
        List<Row> rows = table("quarantine").orderBy("source_file", "line").collectAsList();
        assertEquals(3, rows.size());
        assertEquals(List.of("a.jsonl:3:MALFORMED_JSON", "a.jsonl:4:EMPTY_UTTERANCES", "b.csv:2:DUPLICATE_CONVERSATION_ID"),
                rows.stream().map(r -> r.getAs("source_file") + ":" + r.getAs("line") + ":" + r.getAs("reason_code"))
                        .toList());
        assertEquals("{\"conversation_id\": \"c-x\", ", rows.get(0).getAs("raw"));
        assertEquals("c-4", rows.get(1).getAs("conversation_id"));
        String dup = rows.get(2).getAs("message");
        assertTrue(dup.contains("a.jsonl line 1"), dup);
        assertTrue(((String) rows.get(2).getAs("raw")).contains("a different c-1"));
    }

    @Test
    void runsManifestRecordsTheRun() {
        Row run = table("runs").first();
        assertTrue(((String) run.getAs("run_id")).startsWith(NIGHT + "-"), "a rerun may have replaced it");
        assertEquals(7L, (long) run.getAs("read"));
        assertEquals(4L, (long) run.getAs("processed"));
        assertEquals(3L, (long) run.getAs("quarantined"));
        assertEquals(3, run.getList(run.fieldIndex("input_files")).size());
        assertFalse(((String) run.getAs("code_version")).isBlank());
        assertTrue(run.<Timestamp>getAs("finished_at").compareTo(run.getAs("started_at")) >= 0);
    }

    @Test
    void runsManifestSplitsTheAnalysisTime() {
        Row run = table("runs").first();
        Map<String, Long> analysis = run.getJavaMap(run.fieldIndex("analysis_ms"));
        assertEquals(List.of("nlp", "detectors", "redaction"), List.copyOf(analysis.keySet()));
        assertTrue(analysis.get("nlp") > 0 && analysis.get("detectors") > 0, analysis.toString());
        // Task time inside the stage: at most its wall time on each core the session runs tasks on.
        long analyzeWall = run.<String, Long>getJavaMap(run.fieldIndex("stage_ms")).get("analyze");
        long tasks = analysis.values().stream().mapToLong(Long::longValue).sum();
        int cores = spark.sparkContext().defaultParallelism();
        assertTrue(tasks <= cores * analyzeWall, tasks + " ms of analysis in a " + analyzeWall + " ms stage on "
                + cores + " cores");
    }

    @Test
    void rerunReplacesTheNightWithIdenticalRowsAndLeavesOtherNightsAlone() throws IOException {
        LocalDate other = NIGHT.minusDays(1);
        Landing.write(Landing.night(landing, other).resolve("x.jsonl"),
                Landing.jsonLine(Conversations.call(), "c-old", "cu-1"));
        new NightlyPipeline(spark, options()).run(other);
        List<Row> before = sortedRows("conversations");
        List<Row> eventsBefore = sortedRows("behavior_events");
        List<Row> quarantineBefore = sortedRows("quarantine");

        // Debris of a run that died before publishing must neither show nor survive.
        Path debris = warehouse.resolve("_staging/date=" + NIGHT + "/dead-run/conversations");
        Files.createDirectories(debris);
        NightResult again = new NightlyPipeline(spark, options()).run(NIGHT);

        assertNotEquals(first.runId(), again.runId());
        assertEquals(before, sortedRows("conversations"));
        assertEquals(eventsBefore, sortedRows("behavior_events"));
        assertEquals(quarantineBefore, sortedRows("quarantine"));
        assertEquals(1, table("runs").count(), "one manifest row per published night");
        assertEquals(1, spark.read().parquet(warehouse.resolve("conversations").toString())
                .filter("date = '" + other + "'").count(), "the other night is untouched");
        assertFalse(Files.exists(debris.getParent()), "leftover staging is cleared");
        try (Stream<Path> parts = Files.list(Path.of(NightPublisher.partitionPath(warehouse.toString(),
                "conversations", NIGHT)))) {
            assertEquals(1, parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).count());
        }
    }

    static List<Row> sortedRows(String name) {
        Dataset<Row> t = table(name);
        return t.orderBy(t.columns()[0], t.columns()).collectAsList();
    }
}
