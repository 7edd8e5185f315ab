package io.rapport.testing;

import org.apache.spark.sql.SparkSession;

/** The one SparkSession every Spark test shares: local[2], UI off, UTC, few shuffle partitions. */
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
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
