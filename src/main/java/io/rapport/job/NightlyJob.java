package io.rapport.job;

import io.rapport.pipeline.LandingFolder;
import io.rapport.pipeline.NightResult;
import io.rapport.pipeline.NightlyPipeline;
import io.rapport.pipeline.ResolutionSummary;
import io.rapport.warehouse.NightPublisher;
import io.rapport.warehouse.WarehouseLock;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** Entry point: runs one night or a range of nights and exits with a code a scheduler can act on. */
public final class NightlyJob {

    private NightlyJob() {
    }

    public static void main(String[] args) {
        JobArguments arguments;
        try {
            arguments = JobArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("nightly: " + e.getMessage());
            System.err.print(JobArguments.USAGE);
            System.exit(ExitCode.USAGE.code);
            return;
        }
        SparkSession spark = session(arguments.master());
        ExitCode code;
        try {
            code = run(arguments, spark, System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code.code);
    }

    /** Runs the nights in date order, stopping at the first that cannot run. */
    static ExitCode run(JobArguments arguments, SparkSession spark, PrintStream out, PrintStream err) {
        NightlyPipeline pipeline = new NightlyPipeline(spark, arguments.options());
        for (LocalDate date : arguments.dates()) {
            ExitCode code = runNight(pipeline, date, out, err);
            if (code != ExitCode.OK) {
                return code;
            }
        }
        return ExitCode.OK;
    }

    /** Runs one night, printing its summary or the reason it could not run. */
    public static ExitCode runNight(NightlyPipeline pipeline, LocalDate date, PrintStream out, PrintStream err) {
        try {
            print(pipeline.run(date), out);
            return ExitCode.OK;
        } catch (LandingFolder.InputMissingException e) {
            err.println("nightly " + date + ": cannot run: " + e.getMessage());
            return ExitCode.INPUT_MISSING;
        } catch (NightPublisher.WarehouseException e) {
            err.println("nightly " + date + ": cannot run: " + e.getMessage());
            return ExitCode.WAREHOUSE_UNUSABLE;
        } catch (WarehouseLock.LockedException e) {
            err.println("nightly " + date + ": cannot run: " + e.getMessage());
            return ExitCode.LOCKED;
        } catch (NightlyPipeline.ReconciliationException e) {
            err.println("nightly " + date + ": " + e.getMessage());
            return ExitCode.NOT_RECONCILED;
        } catch (Exception e) { // Spark's own exceptions are checked ones thrown undeclared from Scala
            err.println("nightly " + date + ": failed: " + e);
            e.printStackTrace(err);
            return ExitCode.FAILED;
        }
    }

    /** The job's session: embedded ({@code local[...]}) with settings for one machine, or spark-submit's. */
    public static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("rapport-nightly")
                .config("spark.sql.session.timeZone", "UTC");
        // Under spark-submit the master comes from its own flags; embedded runs set it here.
        if (master.startsWith("local")) {
            builder.master(master).config("spark.ui.enabled", "false");
            // Spark's default of 200 shuffle partitions costs seconds of task overhead per night on one
            // machine; a few per core is plenty there. An explicit -Dspark.sql.shuffle.partitions wins.
            if (System.getProperty("spark.sql.shuffle.partitions") == null) {
                builder.config("spark.sql.shuffle.partitions", 4 * Runtime.getRuntime().availableProcessors());
            }
        }
        return builder.getOrCreate();
    }

    private static String percent(Double rate) {
        return rate == null ? "n/a" : String.format("%.1f%%", 100 * rate);
    }

    static void print(NightResult r, PrintStream out) {
        out.printf("nightly %s: run %s, %d file(s) in %s%n", r.date(), r.runId(), r.inputFiles().size(),
                Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0 + " s");
        out.printf("  read %d = processed %d + quarantined %d; %d behaviour events%n",
                r.read(), r.processed(), r.quarantined(), r.events());
        for (Map.Entry<String, Long> e : r.quarantinedByReason().entrySet()) {
            out.printf("  quarantined %-28s %d%n", e.getKey(), e.getValue());
        }
        ResolutionSummary res = r.resolution();
        out.printf("  resolution, nights %s..%s (repeat window %d days); rates count final rows only:%n",
                res.from(), res.to(), res.windowDays());
        for (ResolutionSummary.Line l : res.lines()) {
            out.printf("    %-8s %-6s single-conversation resolved %s of %d final | provisional %d of %d (%.0f%%),"
                            + " %s so far | resolved in transcript %s%n",
                    l.dimension(), l.key(), percent(l.rate()), l.finalRated(), l.provisional(), l.conversations(),
                    100 * l.provisionalShare(), percent(l.interimRate()), percent(l.inTranscriptRate()));
        }
        out.printf("  stages (ms): %s%n", r.stageMillis());
        out.printf("  analysis task time (ms, summed over tasks): %s%n", r.analysisMillis());
    }
}
