package io.rapport.pipeline;

import io.rapport.ingest.ConversationValidator;
import io.rapport.sample.SampleGenerator;
import io.rapport.testing.Conversations;
import io.rapport.testing.Landing;
import io.rapport.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A night whose landing folder holds hostile files next to good ones, run as the real job (jobs/nightly) in a JVM
 * with a 1 GiB heap: the night completes, each hostile record is quarantined with the reason its file was built
 * to provoke, and the good conversations come out exactly as from a night without the hostile files. The peak
 * resident memory of the job's processes is sampled and reported (docs/reliability.md).
 */
class HostileInputTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 11, 25);
    /** Heap and direct buffers both capped, so resident memory has a known ceiling. */
    static final String HEAP = "-Xmx1g -XX:MaxDirectMemorySize=256m";
    static final int MB = 1024 * 1024;

    @TempDir
    static Path tmp;
    /** Hostile file name to the reasons its records may be quarantined with. */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();
    static final List<String> survivors = new ArrayList<>();
    static Path hostileWarehouse;
    static Path referenceWarehouse;
    static String log;
    static long peakRssBytes;

    @BeforeAll
    static void runHostileNightAndReference() throws Exception {
        Path hostile = tmp.resolve("hostile-landing");
        Path reference = tmp.resolve("reference-landing");
        SampleGenerator.Options good = SampleGenerator.Options.defaults().withConversations(24).withBadRecords(false);
        SampleGenerator.writeNight(hostile, NIGHT, good);
        SampleGenerator.writeNight(reference, NIGHT, good);
        writeHostileFiles(Landing.night(hostile, NIGHT), new Random(7));
        // Good records that share a file with hostile ones; the reference night has them in a file of their own.
        Landing.write(Landing.night(reference, NIGHT).resolve("survivors.jsonl"), survivors.toArray(String[]::new));

        hostileWarehouse = tmp.resolve("hostile-warehouse");
        ProcessBuilder pb = new ProcessBuilder(Path.of("jobs/nightly").toAbsolutePath().toString(), "--input",
                hostile.toString(), "--date", NIGHT.toString(), "--warehouse", hostileWarehouse.toString(),
                "--sentiment", "off", "--agent-domains", "example-telco.com")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("hostile.log").toFile());
        pb.environment().put("RAPPORT_JAVA_OPTS", HEAP);
        pb.environment().put("RAPPORT_REPORT", "off");
        Process job = pb.start();
        peakRssBytes = samplePeakRss(job);
        int exit = job.waitFor();
        log = Files.readString(tmp.resolve("hostile.log"));
        assertEquals(0, exit, log);
        System.out.printf("hostile night: peak RSS %.0f MiB with %s%n", peakRssBytes / (double) MB, HEAP);

        referenceWarehouse = tmp.resolve("reference-warehouse");
        new NightlyPipeline(SharedSpark.session(), NightOptions.defaults(reference.toString(),
                referenceWarehouse.toString()).withSentiment(false).withAgentDomains(List.of("example-telco.com")))
                .run(NIGHT);
    }

    /**
     * The largest resident set of the job's JVM, sampled every 100 ms until it exits (not of the script around it,
     * nor of a Maven build it may start first to package the jar).
     */
    static long samplePeakRss(Process job) throws InterruptedException {
        AtomicLong peak = new AtomicLong();
        while (!job.waitFor(100, TimeUnit.MILLISECONDS)) {
            long jvm = job.descendants()
                    .filter(h -> commandLine(h.pid()).contains("io.rapport.job.NightlyJob"))
                    .mapToLong(h -> rssBytes(h.pid())).sum();
            peak.accumulateAndGet(jvm, Math::max);
        }
        return peak.get();
    }

    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between listing and reading.
        }
        return 0;
    }

    static void writeHostileFiles(Path night, Random random) throws IOException {
        String survivor = Landing.jsonLine(Conversations.call(), "survivor-1", "cu-survivor-1");

        byte[] noise = new byte[2 * MB];
        random.nextBytes(noise);
        Files.write(night.resolve("random.bin"), noise);
        expect("random.bin", "UNSUPPORTED_FORMAT");

        // Valid JSON whose text carries invalid UTF-8: an overlong slash, a lone continuation byte, a truncated
        // sequence, an encoded surrogate, a byte that never occurs in UTF-8.
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        byte[][] invalid = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}};
        for (int i = 0; i < invalid.length; i++) {
            String[] halves = Landing.jsonLine(Conversations.call(), "bad-utf8-" + i, "cu-x").split("charged twice", 2);
            utf8.write(halves[0].getBytes(StandardCharsets.UTF_8));
            utf8.write(invalid[i]);
            utf8.write(("charged twice" + halves[1] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        utf8.write((survivor + "\n").getBytes(StandardCharsets.UTF_8));
        survivors.add(survivor);
        Files.write(night.resolve("invalid-utf8.jsonl"), utf8.toByteArray());
        expect("invalid-utf8.jsonl", "INVALID_ENCODING");

        // A 10 MB single line (valid JSON, one enormous utterance), then a good line that must still be read.
        String huge = Landing.jsonLine(Conversations.call(), "ten-megabytes", "cu-x")
                .replace("\"text\":\"", "\"text\":\"" + "blah ".repeat(2 * MB) + "\"},{\"speaker\":\"agent\","
                        + "\"start_ms\":0,\"end_ms\":1,\"text\":\"");
        String survivor2 = Landing.jsonLine(Conversations.chatWithWaits(), "survivor-2", "cu-survivor-2");
        Landing.write(night.resolve("ten-megabyte-line.jsonl"), huge, survivor2);
        survivors.add(survivor2);
        expect("ten-megabyte-line.jsonl", "OVERSIZED_RECORD");

        // 10 MB without a single newline.
        Files.writeString(night.resolve("no-newline.jsonl"), "{\"conversation_id\":\"" + "x".repeat(10 * MB));
        expect("no-newline.jsonl", "OVERSIZED_RECORD");

        // 50,000 levels of nesting, then a good line.
        String survivor3 = Landing.jsonLine(Conversations.call(), "survivor-3", "cu-survivor-1");
        Landing.write(night.resolve("deep.jsonl"), "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000), survivor3);
        survivors.add(survivor3);
        expect("deep.jsonl", "MALFORMED_JSON");

        // Billion-laughs style repetition: one key a hundred thousand times, and a conversation of one phrase
        // repeated as 100,000 utterances (as a JSON line, and as CSV rows).
        Landing.write(night.resolve("repetition.jsonl"), Landing.jsonLine(Conversations.call(), "laughs", "cu-x")
                .replace("{\"conversation_id\"", "{" + "\"lol\":\"lol\",".repeat(100_000) + "\"conversation_id\""));
        expect("repetition.jsonl", "MALFORMED_JSON");
        StringBuilder longCall = new StringBuilder("{\"conversation_id\":\"long-call\",\"channel\":\"voice\","
                + "\"started_at\":\"2026-11-25T09:00:00Z\",\"agent_id\":\"a-1\",\"utterances\":[");
        StringBuilder longCsv = new StringBuilder("conversation_id,channel,started_at,agent_id,utterance_index,"
                + "speaker,start_ms,end_ms,text\n");
        for (int i = 0; i < 100_000; i++) {
            longCall.append(i == 0 ? "" : ",").append("{\"speaker\":\"").append(i % 2 == 0 ? "agent" : "customer")
                    .append("\",\"start_ms\":").append(i * 10L).append(",\"end_ms\":").append(i * 10L + 9)
                    .append(",\"text\":\"lol\"}");
            longCsv.append("long-csv,voice,2026-11-25T09:00:00Z,a-1,").append(i).append(',')
                    .append(i % 2 == 0 ? "agent" : "customer").append(',').append(i * 10L).append(',')
                    .append(i * 10L + 9).append(",lol\n");
        }
        Landing.write(night.resolve("hundred-thousand-utterances.jsonl"), longCall.append("]}").toString());
        expect("hundred-thousand-utterances.jsonl", "TOO_MANY_UTTERANCES");
        Files.writeString(night.resolve("hundred-thousand-rows.csv"), longCsv);
        expect("hundred-thousand-rows.csv", "TOO_MANY_UTTERANCES");

        // Control characters are text like any other: the conversation is analysed, nothing breaks.
        String control = Landing.jsonLine(Conversations.call(), "control-characters", "cu-survivor-2")
                .replace("charged twice", "\\u0000charged \\u001b[31mtwice\\u0007\\u202e\\ufeff\\u0085\\r");
        Landing.write(night.resolve("control-characters.jsonl"), control);
        survivors.add(control);

        // Offsets no clock produces: beyond a long, a float, a 300-digit number, negative, and past a year.
        String base = Landing.jsonLine(Conversations.call(), "numbers-", "cu-x");
        List<String> numbers = new ArrayList<>();
        String[] offsets = {"99999999999999999999", "1e308", "1" + "0".repeat(300), "-9223372036854775808",
                String.valueOf(ConversationValidator.MAX_OFFSET_MS + 1)};
        for (int i = 0; i < offsets.length; i++) {
            numbers.add(base.replace("\"numbers-\"", "\"numbers-" + i + "\"")
                    .replaceFirst("\"start_ms\":\\d+", "\"start_ms\":" + offsets[i]));
        }
        Landing.write(night.resolve("huge-numbers.jsonl"), numbers.toArray(String[]::new));
        expect("huge-numbers.jsonl", "INVALID_FIELD", "MALFORMED_JSON", "NEGATIVE_OFFSET");

        // A quote opened and never closed: the rest of the file is one field.
        Files.writeString(night.resolve("unterminated.csv"), "conversation_id,channel,started_at,agent_id,"
                + "utterance_index,speaker,start_ms,end_ms,text\nc-q,voice,2026-11-25T09:00:00Z,a-1,0,agent,0,1,\""
                + "never closed ".repeat(MB));
        expect("unterminated.csv", "MALFORMED_CSV", "OVERSIZED_RECORD");

        // An email whose MIME parts nest 2,000 deep.
        StringBuilder mime = new StringBuilder("From: customer@example.org\r\nTo: help@example-telco.com\r\n"
                + "Message-ID: <deep@example.org>\r\nDate: Wed, 25 Nov 2026 09:00:00 +0000\r\nSubject: help\r\n"
                + "MIME-Version: 1.0\r\n");
        for (int i = 0; i < 2_000; i++) {
            mime.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        mime.append("Content-Type: text/plain\r\n\r\nMy router is broken again.\r\n");
        for (int i = 1_999; i >= 0; i--) {
            mime.append("--b").append(i).append("--\r\n");
        }
        Files.writeString(night.resolve("deep-mime.eml"), mime);
        expect("deep-mime.eml", "MALFORMED_EMAIL", "UNANSWERED_THREAD");

        // A vendor file cut off halfway.
        Path analytics = Path.of("src/test/resources/formats/transcribe-call-analytics");
        String transcribe = Files.readString(analytics.resolve(firstFile(analytics)));
        Files.writeString(night.resolve("truncated-analytics.json"), transcribe.substring(0, transcribe.length() / 2));
        expect("truncated-analytics.json", "MALFORMED_JSON", "UNSUPPORTED_FORMAT");
    }

    static String firstFile(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .findFirst().orElseThrow();
        }
    }

    static void expect(String file, String... reasons) {
        EXPECTED.put(file, Set.of(reasons));
    }

    static Dataset<Row> table(Path warehouse, String name) {
        return SharedSpark.session().read().parquet(warehouse.resolve(name).toString());
    }

    @Test
    void theNightCompletesAndReconciles() {
        long good = table(referenceWarehouse, "conversations").count();
        assertEquals(24 + survivors.size(), good);
        assertEquals(good, table(hostileWarehouse, "conversations").count());
        Row run = table(hostileWarehouse, "runs").first();
        assertEquals((long) run.getAs("read"), good + (long) run.<Long>getAs("quarantined"), log);
        assertTrue(log.contains("= processed " + good + " + quarantined " + run.getAs("quarantined")), log);
    }

    @Test
    void everyHostileRecordIsQuarantinedWithTheReasonItProvokes() {
        Map<String, List<String>> byFile = new TreeMap<>();
        for (Row r : table(hostileWarehouse, "quarantine").collectAsList()) {
            String file = Path.of(r.<String>getAs("source_file")).getFileName().toString();
            String message = r.getAs("message");
            assertFalse(message == null || message.isBlank(), "no message for " + file);
            byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(r.<String>getAs("reason_code"));
        }
        System.out.println("hostile night, quarantined by file: " + byFile);
        assertEquals(EXPECTED.keySet(), byFile.keySet(), "files with quarantined records: " + byFile);
        EXPECTED.forEach((file, reasons) -> assertTrue(reasons.containsAll(byFile.get(file)),
                file + " quarantined as " + byFile.get(file) + ", expected one of " + reasons));
        assertEquals(5, byFile.get("invalid-utf8.jsonl").size());
        assertEquals(5, byFile.get("huge-numbers.jsonl").size());
    }

    @Test
    void goodRecordsComeOutExactlyAsWithoutTheHostileFiles() {
        for (String name : List.of("conversations", "behavior_events")) {
            assertEquals(rows(referenceWarehouse, name), rows(hostileWarehouse, name), name);
        }
    }

    /** A table's rows as sorted JSON, without the columns that name the run or the file a record came from. */
    static List<String> rows(Path warehouse, String name) {
        Dataset<Row> t = table(warehouse, name);
        String[] kept = Arrays.stream(t.columns())
                .filter(c -> !Set.of("run_id", "code_version", "source_file", "source_line").contains(c))
                .toArray(String[]::new);
        return t.selectExpr(kept).toJSON().collectAsList().stream().sorted().collect(Collectors.toList());
    }

    @Test
    void memoryStaysBounded() {
        // 1 GiB of heap, 256 MiB of direct buffers, plus the JVM's own (metaspace, code, thread stacks); the
        // figures measured are in docs/reliability.md.
        assertTrue(peakRssBytes > 0, "the job's memory was never sampled");
        assertTrue(peakRssBytes < 3072L * MB, "peak RSS " + peakRssBytes / MB + " MiB");
    }
}
