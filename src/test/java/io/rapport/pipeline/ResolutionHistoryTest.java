package io.rapport.pipeline;

import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;
import io.rapport.testing.Landing;
import io.rapport.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Nine nights of history with hand-worked outcomes: a repeat exactly 7 days later, a contact 8 days later,
 * a same-day repeat on another channel, an unresolved transcript, a customer without id, empty nights, an
 * out-of-order backfill and the re-run of an old night.
 */
class ResolutionHistoryTest {

    static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
    static final String RESOLVED = "great, that fixes it";
    static final String UNRESOLVED = "I'll call back tomorrow then";
    static final String NEUTRAL = "okay, thanks";

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path landing;

    static Conversation conversation(Channel channel, String startedAt, String customerLastWords) {
        boolean voice = channel == Channel.VOICE;
        return new Conversation("unused", channel, Instant.parse(startedAt), "ag-1", "t-1", null, "billing", List.of(
                new Utterance(0, Speaker.AGENT, 0, voice ? 2000L : null, "Hello, how can I help?"),
                new Utterance(1, Speaker.CUSTOMER, 2500, voice ? 6000L : null, "My card was declined again"),
                new Utterance(2, Speaker.AGENT, 6500, voice ? 9000L : null, "I have lifted the block on it"),
                new Utterance(3, Speaker.CUSTOMER, 9500, voice ? 11000L : null, customerLastWords)));
    }

    static void land(int day, String... lines) {
        Path night = Landing.night(landing, FIRST.plusDays(day - 1));
        if (lines.length > 0) {
            Landing.write(night.resolve("day.jsonl"), lines);
        }
    }

    @BeforeAll
    static void landNineNights() {
        spark = SharedSpark.session();
        landing = tmp.resolve("landing");
        land(1, Landing.jsonLine(conversation(Channel.VOICE, "2026-11-01T10:00:00Z", RESOLVED), "A1", "cu-a"),
                Landing.jsonLine(conversation(Channel.VOICE, "2026-11-01T10:00:00Z", RESOLVED), "B1", "cu-b"),
                Landing.jsonLine(conversation(Channel.CHAT, "2026-11-01T11:00:00Z", RESOLVED), "N1", null));
        land(2, Landing.jsonLine(conversation(Channel.CHAT, "2026-11-02T09:00:00Z", NEUTRAL), "C1", "cu-c"),
                Landing.jsonLine(conversation(Channel.VOICE, "2026-11-02T15:00:00Z", RESOLVED), "C2", "cu-c"));
        land(3, Landing.jsonLine(conversation(Channel.EMAIL, "2026-11-03T12:00:00Z", UNRESOLVED), "D1", "cu-d"));
        land(4);
        land(5, Landing.jsonLine(conversation(Channel.VOICE, "2026-11-05T08:00:00Z", NEUTRAL), "E1", "cu-e"));
        land(6);
        land(7);
        land(8, Landing.jsonLine(conversation(Channel.CHAT, "2026-11-08T10:00:00Z", RESOLVED), "A2", "cu-a"));
        land(9, Landing.jsonLine(conversation(Channel.VOICE, "2026-11-09T10:00:00Z", RESOLVED), "B2", "cu-b"));
    }

    static Path runNights(String name, int... days) {
        Path warehouse = tmp.resolve(name);
        NightlyPipeline pipeline = new NightlyPipeline(spark,
                NightOptions.defaults(landing.toString(), warehouse.toString()).withSentiment(false)); // not under test here
        for (int day : days) {
            pipeline.run(FIRST.plusDays(day - 1));
        }
        return warehouse;
    }

    static Map<String, String> outcomes(Path warehouse) {
        Dataset<Row> r = spark.read().parquet(warehouse.resolve("resolution").toString());
        Map<String, String> out = new LinkedHashMap<>();
        for (Row row : r.orderBy("conversation_id").collectAsList()) {
            out.put(row.getAs("conversation_id"), row.getAs("date") + " " + row.getAs("status")
                    + " repeat=" + row.getAs("repeat_contact") + "/" + row.getAs("repeat_conversation_id")
                    + " transcript=" + row.getAs("resolved_in_conversation")
                    + " scr=" + row.getAs("single_conversation_resolved"));
        }
        return out;
    }

    static List<Row> sorted(Path warehouse, String table, String... keys) {
        Dataset<Row> t = spark.read().parquet(warehouse.resolve(table).toString());
        return t.orderBy(keys[0], keys).collectAsList();
    }

    @Test
    void nightsInOrderGiveTheWorkedOutcomes() {
        Path inOrder = runNights("in-order", 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("A1", "2026-11-01 final repeat=true/A2 transcript=true scr=false");
        expected.put("A2", "2026-11-08 provisional repeat=false/null transcript=true scr=true");
        expected.put("B1", "2026-11-01 final repeat=false/null transcript=true scr=true");
        expected.put("B2", "2026-11-09 provisional repeat=false/null transcript=true scr=true");
        expected.put("C1", "2026-11-02 final repeat=true/C2 transcript=null scr=false");
        expected.put("C2", "2026-11-02 final repeat=false/null transcript=true scr=true");
        expected.put("D1", "2026-11-03 provisional repeat=false/null transcript=false scr=false");
        expected.put("E1", "2026-11-05 provisional repeat=false/null transcript=null scr=true");
        expected.put("N1", "2026-11-01 final repeat=null/null transcript=true scr=null");
        assertEquals(expected, outcomes(inOrder));

        Row a1 = spark.read().parquet(inOrder.resolve("resolution").toString()).filter("conversation_id = 'A1'").first();
        assertEquals(Instant.parse("2026-11-08T10:00:00Z"), a1.<java.sql.Timestamp>getAs("repeat_started_at").toInstant());
        assertEquals(7, (int) a1.getAs("window_days"));

        // Rates count final rows only: night 1 has A1 (repeat) and B1 (resolved) rated, N1 counted but unrated.
        Row overall = spark.read().parquet(inOrder.resolve("resolution_rates").toString())
                .filter("date = '2026-11-01' AND dimension = 'overall'").first();
        assertEquals(3L, (long) overall.getAs("conversations"));
        assertEquals(1L, (long) overall.getAs("without_customer_id"));
        assertEquals(2L, (long) overall.getAs("final_rated"));
        assertEquals(0.5, (double) overall.getAs("single_conversation_resolution_rate"), 1e-12);
        assertEquals(0.0, (double) overall.getAs("provisional_share"), 1e-12);
        Row provisional = spark.read().parquet(inOrder.resolve("resolution_rates").toString())
                .filter("date = '2026-11-03' AND dimension = 'channel' AND key = 'email'").first();
        assertNull(provisional.getAs("single_conversation_resolution_rate"), "no final row: no rate");
        assertEquals(1.0, (double) provisional.getAs("provisional_share"), 1e-12);

        // Out-of-order backfill and a re-run of an old night converge on exactly the same tables.
        Path shuffled = runNights("shuffled", 9, 3, 1, 8, 5, 2, 7, 4, 6);
        runNights("in-order", 1);
        for (Path w : List.of(shuffled, inOrder)) {
            assertEquals(expected, outcomes(w), w.toString());
        }
        assertEquals(sorted(inOrder, "resolution", "date", "conversation_id"),
                sorted(shuffled, "resolution", "date", "conversation_id"));
        assertEquals(sorted(inOrder, "resolution_rates", "date", "dimension", "key"),
                sorted(shuffled, "resolution_rates", "date", "dimension", "key"));
    }

    @Test
    void aShorterWindowFinalisesSoonerAndMissesLaterContacts() {
        Path w = tmp.resolve("one-day");
        NightOptions defaults = NightOptions.defaults(landing.toString(), w.toString());
        NightOptions oneDay = new NightOptions(defaults.inputRoot(), defaults.warehouse(), defaults.rulesDir(),
                defaults.maxRecordBytes(), defaults.minOverlapMs(), defaults.format(), 1, defaults.codeVersion(),
                false, defaults.agentDomains(), defaults.pseudonymKey());
        NightlyPipeline pipeline = new NightlyPipeline(spark, oneDay);
        for (int day = 1; day <= 3; day++) {
            pipeline.run(FIRST.plusDays(day - 1));
        }
        Map<String, String> o = outcomes(w);
        assertEquals("2026-11-01 final repeat=false/null transcript=true scr=true", o.get("A1"),
                "A2 is seven days later, outside a one-day window");
        assertEquals("2026-11-02 final repeat=true/C2 transcript=null scr=false", o.get("C1"));
        assertEquals("2026-11-03 provisional repeat=false/null transcript=false scr=false", o.get("D1"));
    }
}
