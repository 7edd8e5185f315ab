package io.rapport.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession every Spark test shares: local[2], UI off, UTC, few shuffle partitions, and no code
 * generation. Test nights hold a handful of rows, so generating and compiling Java for each of the night's
 * queries was most of their cost (about 60% of CPU samples, as many generated classes as queries, since
 * literals such as dates differ from night to night); Spark's interpreted evaluation gives the same results. The
 * generated-code path the job runs with is still exercised by every test that runs jobs/nightly as a process
 * (HostileInputTest, FaultToleranceTest's kill -9, ClusterRunIT).
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("rapport-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
