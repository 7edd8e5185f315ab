package io.rapport.pipeline;

import io.rapport.aggregate.Coaching;
import io.rapport.aggregate.DailyAggregates;
import io.rapport.aggregate.Trends;
import io.rapport.warehouse.NightPublisher;
import io.rapport.warehouse.TableSchemas;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The aggregate tables of a night: agent_daily and team_daily from its own (staged) conversations, the
 * trends series from team_daily and resolution over the weeks it covers, and coaching from agent_daily and
 * behavior_events over its 28-day window — published nights from the warehouse,
 * this run's nights from staging, so a re-run or a backfill sees exactly what it is about to publish.
 */
final class AggregateStage {

    private final SparkSession spark;
    private final String warehouse;

    AggregateStage(SparkSession spark, String warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    Dataset<Row> agentDaily(NightPublisher publisher) {
        return DailyAggregates.agentDaily(spark.read().parquet(publisher.stagingPath(TableSchemas.CONVERSATIONS)));
    }

    Dataset<Row> teamDaily(NightPublisher publisher) {
        return DailyAggregates.teamDaily(spark.read().parquet(publisher.stagingPath(TableSchemas.CONVERSATIONS)));
    }

    /**
     * @param restated the nights whose resolution partitions this run stages (the repeat window up to the night)
     */
    Dataset<Row> trends(LocalDate night, NightPublisher publisher, Configuration hadoop, Set<LocalDate> restated) {
        LocalDate first = Trends.firstDay(night);
        Dataset<Row> teams = history(DailyAggregates.TEAM_DAILY, first, night, publisher, hadoop, Set.of());
        Dataset<Row> resolution = spark.read().parquet(publisher.stagingRoot(ResolutionStage.RESOLUTION))
                .select(col("date"), col("team_id"), col("status"), col("single_conversation_resolved"));
        Dataset<Row> older = history(ResolutionStage.RESOLUTION, first, night, publisher, hadoop, restated);
        if (older != null) {
            resolution = resolution.unionByName(
                    older.select(col("date"), col("team_id"), col("status"), col("single_conversation_resolved")));
        }
        return Trends.series(teams, resolution.filter(col("date").geq(lit(Date.valueOf(first)))));
    }

    Dataset<Row> coaching(LocalDate night, NightPublisher publisher, Configuration hadoop) {
        LocalDate first = Coaching.windowStart(night);
        return Coaching.table(history(DailyAggregates.AGENT_DAILY, first, night, publisher, hadoop, Set.of()),
                history(TableSchemas.BEHAVIOR_EVENTS, first, night, publisher, hadoop, Set.of()), night);
    }

    /**
     * A table's rows from {@code first} to the night with a {@code date} column: the night itself from this run's
     * staging (unless it is in {@code skip}), earlier nights from the warehouse where they were published (and not
     * in {@code skip}, i.e. staged by this run under another path). Null when there is none.
     */
    private Dataset<Row> history(String table, LocalDate first, LocalDate night, NightPublisher publisher,
                                 Configuration hadoop, Set<LocalDate> skip) {
        List<Date> published = ResolutionStage.processedNights(warehouse, hadoop).stream()
                .filter(d -> !d.isBefore(first) && d.isBefore(night) && !skip.contains(d)).map(Date::valueOf).toList();
        Dataset<Row> rows = skip.contains(night) ? null
                : withDate(spark.read().parquet(publisher.stagingPath(table)), night);
        String root = new org.apache.hadoop.fs.Path(warehouse, table).toString();
        if (!published.isEmpty() && exists(hadoop, root)) {
            // One read of the table with partition pruning: far cheaper to plan than one read per night.
            Dataset<Row> older = spark.read().option("mergeSchema", "true").parquet(root)
                    .filter(col("date").isin(published.toArray()));
            rows = rows == null ? older : rows.unionByName(older, true);
        }
        return rows;
    }

    private static Dataset<Row> withDate(Dataset<Row> partition, LocalDate date) {
        return partition.withColumn("date", lit(Date.valueOf(date)));
    }

    private static boolean exists(Configuration hadoop, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            return p.getFileSystem(hadoop).exists(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot check " + path, e);
        }
    }
}
