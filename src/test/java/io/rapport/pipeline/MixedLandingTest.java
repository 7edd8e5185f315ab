package io.rapport.pipeline;

import io.rapport.ingest.FormatFixtures;
import io.rapport.testing.Conversations;
import io.rapport.testing.Landing;
import io.rapport.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A landing folder as a contact centre on several platforms fills it: every vendor sample file, a second sidecar
 * in a subfolder, canonical JSON Lines and CSV, all detected by structure in one night.
 */
class MixedLandingTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path warehouse;
    static NightResult result;

    @BeforeAll
    static void runNight() throws IOException {
        spark = SharedSpark.session();
        Path landing = tmp.resolve("landing");
        warehouse = tmp.resolve("warehouse");
        Path night = Landing.night(landing, NIGHT);
        try (Stream<Path> files = Files.walk(FormatFixtures.ROOT)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).toList()) {
                Path target = night.resolve("vendor").resolve(FormatFixtures.ROOT.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Landing.write(night.resolve("extra/chat-meta.csv"), "metadata_key,agent_id,team_id,started_at",
                "chat-entries,a-0500,t-mobile,",
                "billing-dispute-0412,a-9999,t-billing,2026-11-22T09:10:44Z",
                "\"unterminated,a-1,t-1,");
        Landing.write(night.resolve("canonical.jsonl"), Landing.jsonLine(Conversations.call(), "c-1", "cu-1"));
        Landing.write(night.resolve("export.csv"), NightlyPipelineTest.CSV_HEADER,
                "c-5,email,2026-11-23T11:00:00Z,ag-2,t-2,cu-9,orders,0,customer,0,,Where is my order?",
                "c-5,email,2026-11-23T11:00:00Z,ag-2,t-2,cu-9,orders,1,agent,7200000,,It ships today.");
        NightOptions options = NightOptions.defaults(landing.toString(), warehouse.toString()).withSentiment(false)
                .withAgentDomains(FormatFixtures.AGENT_DOMAINS);
        result = new NightlyPipeline(spark, options).run(NIGHT);
    }

    static Dataset<Row> table(String name) {
        try {
            return spark.read().parquet(warehouse.resolve(name).toString()).filter("date = '" + NIGHT + "'");
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(name, e));
        }
    }

    static Row conversation(String id) {
        return table("conversations").filter("conversation_id = '" + id + "'").first();
    }

    @Test
    void everyFormatIsDetectedAndTheNightReconciles() {
        // 9 vendor conversations (2 Transcribe, 1 Contact Lens, 2 CCAI, 2 WebVTT, 2 email threads) + 2 canonical;
        // quarantined: the unanswered email thread, the conflicting and the broken sidecar rows.
        assertEquals(11, result.processed());
        assertEquals(3, result.quarantined());
        assertEquals(result.read(), result.processed() + result.quarantined());
        assertEquals(Map.of("CONFLICTING_METADATA", 1L, "MALFORMED_CSV", 1L, "UNANSWERED_THREAD", 1L),
                result.quarantinedByReason());
        List<String> channels = table("conversations").groupBy("channel").count().orderBy("channel").collectAsList()
                .stream().map(r -> r.getString(0) + "=" + r.getLong(1)).toList();
        assertEquals(List.of("chat=1", "email=3", "voice=7"), channels);
    }

    @Test
    void vendorFiguresSitNextToOurs() {
        Row billing = conversation("billing-dispute-0412");
        assertEquals("a-9999", billing.getAs("agent_id"), "the first sidecar row in path order wins: extra/ < vendor/");
        assertEquals("transcribe-call-analytics", billing.getAs("vendor_source"));
        assertEquals(3, (int) billing.getAs("vendor_interruptions"));
        assertEquals(108500L, (long) billing.getAs("vendor_agent_talk_ms"));
        assertEquals(176900L, (long) billing.getAs("vendor_duration_ms"));
        assertEquals(176900L, (long) billing.getAs("duration_ms"), "same span, measured by us");
        // Amazon counts the customer's "Mm-hmm." as an interruption; we do not count backchannels.
        long ours = billing.<Long>getAs("agent_interruptions") + billing.<Long>getAs("customer_interruptions");
        assertEquals(2, ours, "the customer's 'Mm-hmm.' at 70300-70900 is a backchannel");
        assertNull(conversation("c-1").getAs("vendor_source"), "canonical files carry no vendor figures");
        assertEquals("t-mobile", conversation("chat-entries").getAs("team_id"), "completed by the second sidecar");
    }

    @Test
    void emailThreadsAreConversationsWithTheirFirstMessageAsSource() {
        Row refund = table("conversations").filter("channel = 'email' and source_file like '%refund-1.eml'").first();
        assertEquals("vendor/email/refund-1.eml", refund.getAs("source_file"));
        assertEquals(3, (int) refund.getAs("utterance_count"));
        assertEquals("priya.n@help.example-telco.com", refund.getAs("agent_id"));
        Row quarantined = table("quarantine").filter("reason_code = 'UNANSWERED_THREAD'").first();
        assertEquals("vendor/email/support-inbox.mbox", quarantined.getAs("source_file"));
        assertEquals(99L, (long) quarantined.getAs("line"));
        Row sidecar = table("quarantine").filter("reason_code = 'CONFLICTING_METADATA'").first();
        assertEquals("vendor/metadata.csv", sidecar.getAs("source_file"));
        assertEquals(2L, (long) sidecar.getAs("line"));
        String message = sidecar.getAs("message");
        assertTrue(message.contains("extra/chat-meta.csv line 3"), message);
    }

    @Test
    void vendorConversationsGetTheSameAnalysisAsOurs() {
        long empathy = table("behavior_events")
                .filter("conversation_id = 'billing-dispute-0412' and behavior = 'empathy'").count();
        assertTrue(empathy > 0, "the agent says \"I'm so sorry about that\"");
        assertTrue(table("behavior_events").filter("conversation_id like 'email-%'").count() > 0);
    }
}
