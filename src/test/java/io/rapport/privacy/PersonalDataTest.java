package io.rapport.privacy;

import io.rapport.pipeline.NightOptions;
import io.rapport.pipeline.NightResult;
import io.rapport.pipeline.NightlyPipeline;
import io.rapport.testing.Landing;
import io.rapport.testing.SharedSpark;
import io.rapport.testing.Shell;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transcripts seeded with personal data go through a real night, and none of it may appear in any output file:
 * every Parquet file's bytes (written uncompressed so the scan sees every string), every table's values, and the
 * executed notebooks and rendered report.
 */
class PersonalDataTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path tmp;
    static PersonalDataSeeds seeds;
    static Path warehouse;
    static NightResult result;

    @BeforeAll
    static void runNight() {
        SparkSession spark = SharedSpark.session();
        seeds = new PersonalDataSeeds(30, Instant.parse("2026-11-24T08:00:00Z"));
        Path landing = tmp.resolve("landing");
        warehouse = tmp.resolve("warehouse");
        Path night = Landing.night(landing, NIGHT);
        List<String> lines = new ArrayList<>();
        seeds.conversations.forEach(c -> lines.add(Landing.jsonLine(c, c.conversationId(),
                seeds.customerIds.get(c.conversationId()))));
        // Quarantined records carry personal data too: a truncated line and an invalid one.
        String broken = Landing.jsonLine(seeds.conversations.get(0), "pii-broken", "cu-7000");
        lines.add(broken.substring(0, broken.length() / 2));
        lines.add(broken.replace("\"channel\":\"voice\"", "\"channel\":\"fax\""));
        Landing.write(night.resolve("seeded.jsonl"), lines.toArray(String[]::new));
        String previous = spark.conf().get("spark.sql.parquet.compression.codec");
        spark.conf().set("spark.sql.parquet.compression.codec", "uncompressed");
        try {
            result = new NightlyPipeline(spark, NightOptions.defaults(landing.toString(), warehouse.toString())
                    .withSentiment(false)).run(NIGHT);
        } finally {
            spark.conf().set("spark.sql.parquet.compression.codec", previous);
        }
    }

    /** A seed as it could appear: the value itself (as a word), and for numbers also its bare digits. */
    static List<Pattern> forms(PersonalDataSeeds.Seed s) {
        List<Pattern> forms = new ArrayList<>(List.of(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(s.value())
                + "(?![\\p{L}\\d])")));
        String digits = s.value().replaceAll("\\D", "");
        if (digits.length() >= 7 && !digits.equals(s.value())) {
            forms.add(Pattern.compile("(?<!\\d)" + digits + "(?!\\d)"));
        }
        return forms;
    }

    static Map<String, List<String>> leaks(String where, String text) {
        Map<String, List<String>> found = new TreeMap<>();
        for (PersonalDataSeeds.Seed s : seeds.seeds) {
            for (Pattern p : forms(s)) {
                if (p.matcher(text).find()) {
                    found.computeIfAbsent(where, k -> new ArrayList<>()).add(s.type() + " " + s.value());
                }
            }
        }
        return found;
    }

    @Test
    void theNightRanAndWroteExcerptsAndQuarantineText() {
        assertEquals(30, result.processed());
        assertEquals(2, result.quarantined());
        SparkSession spark = SharedSpark.session();
        long withExcerpts = spark.read().parquet(warehouse.resolve("behavior_events").toString())
                .filter("excerpt like '%[CARD]%' or excerpt like '%[NAME]%' or excerpt like '%[PHONE]%'").count();
        assertTrue(withExcerpts >= 30, "the seeded utterances were events, so redaction was exercised: " + withExcerpts);
    }

    @Test
    void noSeededValueAppearsInAnyParquetFile() throws IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(warehouse)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                files++;
                found.putAll(leaks(warehouse.relativize(f).toString(),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)));
            }
        }
        assertTrue(files >= 10, files + " parquet files");
        assertEquals(Map.of(), found);
    }

    @Test
    void noSeededValueAppearsInAnyTableValue() {
        SparkSession spark = SharedSpark.session();
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String table : List.of("conversations", "behavior_events", "quarantine", "runs", "resolution",
                "resolution_rates", "agent_daily", "team_daily", "trends", "coaching")) {
            String values = String.join("\n", spark.read().parquet(warehouse.resolve(table).toString()).toJSON()
                    .collectAsList());
            found.putAll(leaks(table, values));
        }
        assertEquals(Map.of(), found);
    }

    @Test
    void customerIdsArePseudonymisedAndStillMatchAcrossTables() {
        SparkSession spark = SharedSpark.session();
        String pseudonym = spark.read().parquet(warehouse.resolve("conversations").toString())
                .filter("conversation_id = 'pii-0'").first().getAs("customer_id");
        assertEquals(PseudonymKey.DEMO.pseudonym("cu-7000"), pseudonym);
        assertEquals(pseudonym, spark.read().parquet(warehouse.resolve("resolution").toString())
                .filter("conversation_id = 'pii-0'").first().getAs("customer_id"));
        String raw = spark.read().parquet(warehouse.resolve("quarantine").toString())
                .filter("reason_code = 'UNKNOWN_CHANNEL'").first().getAs("raw");
        assertTrue(raw.contains("\"customer_id\":\"" + pseudonym + "\""), raw);
    }

    /** The executed notebooks and the rendered report show excerpts and ids: none of the seeds may be there. */
    @Test
    void noSeededValueAppearsInTheNotebooksOrTheReport() throws Exception {
        Path out = tmp.resolve("notebooks");
        assertEquals(0, Shell.run(tmp.resolve("run.log"), "jobs/notebooks", "run", "--warehouse", warehouse.toString(),
                "--date", NIGHT.toString(), "--out", out.resolve("executed").toString()));
        assertEquals(0, Shell.run(tmp.resolve("report.log"), "jobs/notebooks", "report", "--warehouse",
                warehouse.toString(), "--date", NIGHT.toString(), "--out", out.resolve("reports").toString()));
        Map<String, List<String>> found = new LinkedHashMap<>();
        int excerpts = 0;
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                excerpts += text.contains("[NAME]") || text.contains("[CARD]") || text.contains("[PHONE]") ? 1 : 0;
                found.putAll(leaks(out.relativize(f).toString(), text));
            }
        }
        assertTrue(Files.exists(out.resolve("reports/date=" + NIGHT + "/leadership_report.html")));
        assertTrue(excerpts > 0, "no notebook showed a redacted excerpt, so the scan proves nothing");
        assertEquals(Map.of(), found);
    }

    /** Redaction recall on every seeded utterance, by type; docs/reliability.md reports these figures. */
    @Test
    void redactionRecallOnTheSeededTexts() {
        PersonalDataRedactor r = PersonalDataRedactor.forRules(Optional.empty());
        Map<String, int[]> byType = new TreeMap<>();
        String redacted = String.join("\n", seeds.seededTexts.stream().map(r::redact).toList());
        String original = String.join("\n", seeds.seededTexts);
        for (PersonalDataSeeds.Seed s : seeds.seeds) {
            if (s.type().equals("CUSTOMER_ID") || !forms(s).get(0).matcher(original).find()) {
                continue;
            }
            int[] counts = byType.computeIfAbsent(s.type(), k -> new int[2]);
            counts[0]++;
            counts[1] += forms(s).stream().anyMatch(p -> p.matcher(redacted).find()) ? 0 : 1;
        }
        StringBuilder report = new StringBuilder();
        byType.forEach((type, c) -> report.append(type).append(' ').append(c[1]).append('/').append(c[0]).append('\n'));
        System.out.println("redaction recall on seeded values:\n" + report);
        byType.forEach((type, c) -> assertEquals(c[0], c[1], "recall below 1 for " + type + "\n" + report));
    }
}
