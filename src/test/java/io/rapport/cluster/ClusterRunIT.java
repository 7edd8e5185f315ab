package io.rapport.cluster;

import io.rapport.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job jar submitted by jobs/nightly to a real Spark standalone cluster on loopback (one master, two
 * workers, separate JVMs, from the Spark jars Maven resolved), with one executor killed mid-run: every output
 * table must equal, row for row, the output of an embedded run of the same nights.
 */
class ClusterRunIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path CLUSTER_DIR = ROOT.resolve("target/it-cluster");
    static final List<String> TABLES = List.of("conversations", "behavior_events", "quarantine", "resolution",
            "resolution_rates", "agent_daily", "team_daily", "trends", "coaching");

    @TempDir
    static Path tmp;
    static String master;

    @BeforeAll
    static void startCluster() throws Exception {
        Process p = new ProcessBuilder(ROOT.resolve("jobs/local-cluster").toString(), "start", "--workers", "2",
                "--dir", CLUSTER_DIR.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), "local-cluster start failed: " + out);
        master = out.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(master.startsWith("spark://127.0.0.1:"), master);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        new ProcessBuilder(ROOT.resolve("jobs/local-cluster").toString(), "stop", "--dir", CLUSTER_DIR.toString())
                .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
    }

    static List<ProcessHandle> executors() {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .toList();
    }

    /**
     * Two bundled sample nights, then a night of every vendor format (its adapters, Jakarta Mail's service lookup
     * in particular, must work from the job jar on executors).
     */
    static Path landing() throws Exception {
        Path landing = tmp.resolve("landing");
        for (String night : List.of("date=2026-11-20", "date=2026-11-21")) {
            copyFiles(ROOT.resolve("samples/landing").resolve(night), landing.resolve(night));
        }
        copyFiles(ROOT.resolve("src/test/resources/formats"), landing.resolve("date=2026-11-22"));
        return landing;
    }

    static void copyFiles(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    static ProcessBuilder nightly(String master, Path landing, Path warehouse) {
        ProcessBuilder run = new ProcessBuilder(ROOT.resolve("jobs/nightly").toString(), "--master", master,
                "--input", landing.toString(), "--from", "2026-11-20", "--to", "2026-11-22", "--agent-domains",
                "help.example-telco.com", "--warehouse", warehouse.toString(), "--sentiment", "off");
        run.environment().put("RAPPORT_REPORT", "off"); // the notebooks have their own test
        run.environment().put("RAPPORT_PSEUDONYM_KEY", "cluster-test-key-0123456789");
        return run;
    }

    @Test
    void clusterRunWithALostExecutorEqualsTheEmbeddedRun() throws Exception {
        Path landing = landing();
        Path clusterWarehouse = tmp.resolve("cluster");
        ProcessBuilder clusterRun = nightly(master, landing, clusterWarehouse).redirectErrorStream(true);
        Process job = clusterRun.start();
        AtomicReference<String> killed = new AtomicReference<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
                // Once the first night is published the job is mid-run: take one executor away.
                if (killed.get() == null && line.startsWith("nightly 2026-11-20:")) {
                    Optional<ProcessHandle> victim = executors().stream().findFirst();
                    victim.ifPresent(h -> {
                        killed.set(h.info().commandLine().orElse("?"));
                        h.destroyForcibly();
                    });
                }
            }
        }
        String log = String.join("\n", output);
        assertEquals(0, job.waitFor(), log);
        assertTrue(killed.get() != null, "no executor was found to kill mid-run\n" + log);
        assertEquals(2, output.stream().filter(l -> l.contains("read 59 = processed 48 + quarantined 11")).count(), log);
        // 2 Transcribe, 1 Contact Lens, 1 CCAI call, 2 WebVTT, 2 email threads; quarantined: the CCAI chat without
        // its sidecar row and the unanswered email.
        assertTrue(log.contains("read 10 = processed 8 + quarantined 2"), log);

        SparkSession spark = SharedSpark.session();
        Path embeddedWarehouse = tmp.resolve("embedded");
        ProcessBuilder embeddedRun = nightly("local[2]", landing, embeddedWarehouse)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("embedded.log").toFile());
        Process embedded = embeddedRun.start();
        assertEquals(0, embedded.waitFor(), Files.readString(tmp.resolve("embedded.log")));

        for (String table : TABLES) {
            List<Row> a = sorted(spark, embeddedWarehouse, table);
            List<Row> b = sorted(spark, clusterWarehouse, table);
            assertTrue(a.size() > 0, table + " is empty");
            assertEquals(a, b, table + " differs between the embedded and the cluster run");
        }
        // The manifest differs by design (run id, times, master); its counts must not.
        String counts = "date, read, processed, quarantined, events";
        assertEquals(spark.read().parquet(embeddedWarehouse.resolve("runs").toString()).selectExpr(counts.split(", "))
                        .orderBy("date").collectAsList(),
                spark.read().parquet(clusterWarehouse.resolve("runs").toString()).selectExpr(counts.split(", "))
                        .orderBy("date").collectAsList());
        assertTrue(spark.read().parquet(clusterWarehouse.resolve("runs").toString()).first().<String>getAs("master")
                .startsWith("spark://"));
    }

    static List<Row> sorted(SparkSession spark, Path warehouse, String table) {
        Dataset<Row> t = spark.read().parquet(warehouse.resolve(table) + File.separator);
        return t.orderBy(t.columns()[0], t.columns()).collectAsList();
    }
}
