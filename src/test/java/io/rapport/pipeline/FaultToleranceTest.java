package io.rapport.pipeline;

import io.rapport.job.ExitCode;
import io.rapport.job.NightlyJob;
import io.rapport.testing.Conversations;
import io.rapport.testing.Landing;
import io.rapport.testing.SharedSpark;
import io.rapport.testing.Shell;
import io.rapport.warehouse.Faults;
import io.rapport.warehouse.NightPublisher;
import io.rapport.warehouse.WarehouseLock;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A night killed at any point and run again gives exactly the output of an uninterrupted run, and while it is
 * dead, readers that go by the published markers see every night either whole and old or whole and new.
 */
class FaultToleranceTest {

    static final LocalDate D1 = LocalDate.of(2026, 11, 20);
    static final LocalDate D2 = LocalDate.of(2026, 11, 21);
    static final List<String> TABLES = List.of("conversations", "behavior_events", "quarantine", "resolution",
            "resolution_rates", "agent_daily", "team_daily", "trends", "coaching");
    /**
     * One point per phase: reading, before the write of a table picked at random (the tables before it are
     * staged), between two tables, and one of the three states of a publish, picked at random (the recovery test
     * below always covers the middle one). Each run prints its picks. The real kill -9 below lands anywhere,
     * including inside a write.
     */
    static final List<String> POINTS = List.of("read",
            pick("write:quarantine", "write:conversations", "write:behavior_events", "write:agent_daily",
                    "write:team_daily", "write:trends", "write:coaching"),
            "between:quarantine-conversations",
            pick("publish:markers-withdrawn", "publish:swapped-3", "publish:markers-written"));

    static String pick(String... points) {
        String point = points[new Random().nextInt(points.length)];
        System.out.println("FaultToleranceTest: killing at " + point);
        return point;
    }

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path landing;
    static Map<String, List<String>> reference;
    /** A warehouse holding D1 only, copied as the starting point of each kill. */
    static Path afterD1;

    /** What a kill does to the run: it stops there. An Error, so no code path can catch it and carry on. */
    static final class Killed extends Error {
        Killed(String point) {
            super("killed at " + point, null, false, false);
        }
    }

    @BeforeAll
    static void referenceRun() {
        spark = SharedSpark.session();
        landing = tmp.resolve("landing");
        for (LocalDate night : List.of(D1, D2)) {
            Path dir = Landing.night(landing, night);
            String day = night.toString();
            Landing.write(dir.resolve("a.jsonl"),
                    Landing.jsonLine(Conversations.call(), day + "-1", "cu-1").replace("2026-11-22", day),
                    Landing.jsonLine(Conversations.chatWithWaits(), day + "-2", "cu-2").replace("2026-11-22", day),
                    Landing.jsonLine(Conversations.call(), day + "-3", "cu-3").replace("2026-11-22", day),
                    "{\"conversation_id\": \"broken\"");
        }
        Path w = tmp.resolve("reference");
        run(w, D1);
        afterD1 = tmp.resolve("after-d1");
        copy(w, afterD1);
        run(w, D2);
        reference = everything(w);
    }

    @AfterEach
    void noHook() {
        Faults.setHook(null);
    }

    static void copy(Path from, Path to) {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static NightOptions options(Path warehouse) {
        return NightOptions.defaults(landing.toString(), warehouse.toString()).withSentiment(false);
    }

    static NightResult run(Path warehouse, LocalDate night) {
        return new NightlyPipeline(spark, options(warehouse)).run(night);
    }

    /** Every row of every table (all nights), as sorted JSON lines. */
    static Map<String, List<String>> everything(Path warehouse) {
        Map<String, List<String>> all = new TreeMap<>();
        for (String table : TABLES) {
            Path t = warehouse.resolve(table);
            all.put(table, Files.exists(t) ? sortedJson(spark.read().parquet(t.toString())) : List.of());
        }
        return all;
    }

    /** What a reader that goes by the markers sees: for each published night, every table's rows. */
    static Map<String, List<String>> publishedView(Path warehouse) {
        Map<String, List<String>> view = new TreeMap<>();
        for (LocalDate night : NightPublisher.publishedNights(spark.sparkContext().hadoopConfiguration(),
                warehouse.toString())) {
            for (String table : TABLES) {
                Path p = warehouse.resolve(table).resolve("date=" + night);
                view.put(night + " " + table, Files.exists(p) ? sortedJson(spark.read().parquet(p.toString()))
                        : List.of());
            }
        }
        return view;
    }

    static List<String> sortedJson(Dataset<Row> rows) {
        List<String> json = new ArrayList<>(rows.toJSON().collectAsList());
        json.sort(null);
        return json;
    }

    @Test
    void aNightKilledAtAnyPointAndRunAgainEqualsAnUninterruptedRun() {
        Map<String, List<String>> referenceView = publishedView(tmp.resolve("reference"));
        for (String point : POINTS) {
            Path w = tmp.resolve("killed-" + point.replaceAll("\\W", "_"));
            copy(afterD1, w);
            Map<String, List<String>> before = publishedView(w);
            Faults.setHook(p -> {
                if (p.equals(point)) {
                    throw new Killed(p);
                }
            });
            assertThrows(Killed.class, () -> run(w, D2), point);
            Faults.setHook(null);

            // While dead: every published night is whole, as before the run or as after it.
            Map<String, List<String>> during = publishedView(w);
            for (Map.Entry<String, List<String>> e : during.entrySet()) {
                boolean old = e.getValue().equals(before.get(e.getKey()));
                boolean updated = e.getValue().equals(referenceView.get(e.getKey()));
                assertTrue(old || updated, point + ": " + e.getKey() + " is neither the old nor the new night");
            }
            if (point.equals("read") || point.startsWith("write") || point.startsWith("between")) {
                assertEquals(before, during, point + ": nothing may change before publishing");
            }

            run(w, D2);
            assertEquals(reference, everything(w), "re-run after a kill at " + point);
            assertFalse(Files.exists(w.resolve("_staging").resolve("date=" + D2)), point + ": staging left behind");
        }
    }

    @Test
    void aKilledPublishIsFinishedByTheNextRunOfAnotherNight() {
        Path w = tmp.resolve("recovered-by-next-night");
        Faults.setHook(p -> {
            if (p.equals("publish:swapped-3")) {
                throw new Killed(p);
            }
        });
        assertThrows(Killed.class, () -> run(w, D1));
        Faults.setHook(null);
        assertFalse(NightPublisher.publishedNights(spark.sparkContext().hadoopConfiguration(), w.toString())
                .contains(D1), "a half-swapped night is not published");
        run(w, D2); // rolls D1's publish forward first, then runs D2
        assertEquals(reference, everything(w));
    }

    /** A missing or truncated history partition stops the next night with exit 4 and the path, never a guess. */
    @Test
    void aBrokenHistoryPartitionStopsTheNightAndNamesIt() throws Exception {
        Path missing = tmp.resolve("history-missing");
        copy(afterD1, missing);
        Path d1 = missing.resolve("conversations/date=" + D1);
        try (var files = Files.walk(d1)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        String message = runExpectingExit(missing, ExitCode.WAREHOUSE_UNUSABLE);
        assertTrue(message.contains(d1.toString()) && message.contains("is missing"), message);

        Path truncated = tmp.resolve("history-truncated");
        copy(afterD1, truncated);
        Path part;
        try (var files = Files.list(truncated.resolve("conversations/date=" + D1))) {
            part = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        message = runExpectingExit(truncated, ExitCode.WAREHOUSE_UNUSABLE);
        assertTrue(message.contains(part.getFileName().toString()) && message.contains("not readable Parquet")
                && message.contains("re-run night " + D1), message);
        assertFalse(NightPublisher.publishedNights(spark.sparkContext().hadoopConfiguration(), truncated.toString())
                .contains(D2), "nothing of the failed night is published");
    }

    static String runExpectingExit(Path warehouse, ExitCode expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = NightlyJob.runNight(new NightlyPipeline(spark, options(warehouse)), D2,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, message);
        return message;
    }

    @Test
    void aSecondRunOnTheSameWarehouseIsRefusedWithTheHolder() {
        Path w = tmp.resolve("locked");
        try (WarehouseLock held = WarehouseLock.acquire(spark.sparkContext().hadoopConfiguration(), w.toString(), D2,
                "2026-11-21-holder")) {
            String message = runExpectingExit(w, ExitCode.LOCKED);
            assertTrue(message.contains("locked by run 2026-11-21-holder (night 2026-11-21") && message.contains("pid "
                    + ProcessHandle.current().pid()), message);
        }
        run(w, D2); // released
    }

    /** A real kill -9 of the job's process at a random moment, then the night run again in this JVM. */
    @Test
    void aRealKillAtARandomMomentLosesNothing() throws Exception {
        Path w = tmp.resolve("kill-9");
        copy(afterD1, w);
        Path root = Path.of("").toAbsolutePath();
        // The kill is meant for the job, not for the first build of its jar on a fresh clone (jobs/lib.sh).
        assertEquals(0, Shell.run(tmp.resolve("build.log"), "bash", "-c", "source jobs/lib.sh && ensure_built"));
        long delayMs = 4000 + new Random().nextInt(16000);
        ProcessBuilder pb = new ProcessBuilder(root.resolve("jobs/nightly").toString(), "--input", landing.toString(),
                "--date", D2.toString(), "--warehouse", w.toString(), "--sentiment", "off")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("kill-9.log").toFile());
        pb.environment().put("RAPPORT_PSEUDONYM_KEY", "rapport-demo-key-NOT-FOR-PRODUCTION");
        pb.environment().put("RAPPORT_REPORT", "off");
        Process job = pb.start();
        boolean finished = job.waitFor(delayMs, TimeUnit.MILLISECONDS);
        List<ProcessHandle> tree = new ArrayList<>(job.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        job.destroyForcibly();
        job.waitFor();
        for (ProcessHandle h : tree) {
            h.onExit().get(30, TimeUnit.SECONDS);
        }
        System.out.println("kill -9 after " + delayMs + " ms (finished first: " + finished + ")");
        run(w, D2);
        assertEquals(reference, everything(w), "killed after " + delayMs + " ms:\n" + Files.readString(tmp.resolve("kill-9.log")));
    }
}
