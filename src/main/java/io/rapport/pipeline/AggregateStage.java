package io.rapport.pipeline;

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
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The aggregate tables of a night: agent_daily and team_daily from its own (staged) conversations, and the
 * trends series from team_daily and resolution over the weeks it covers — published nights from the warehouse,
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
        Set<LocalDate> published = ResolutionStage.processedNights(warehouse, hadoop);
        Dataset<Row> teams = withDate(spark.read().parquet(publisher.stagingPath(DailyAggregates.TEAM_DAILY)), night);
        Dataset<Row> resolution = spark.read().parquet(publisher.stagingRoot(ResolutionStage.RESOLUTION))
                .select(col("date"), col("team_id"), col("status"), col("single_conversation_resolved"));
        for (LocalDate d = Trends.firstDay(night); d.isBefore(night); d = d.plusDays(1)) {
            if (!published.contains(d)) {
                continue;
            }
            String teamPath = NightPublisher.partitionPath(warehouse, DailyAggregates.TEAM_DAILY, d);
            if (exists(hadoop, teamPath)) {
                teams = teams.unionByName(withDate(spark.read().parquet(teamPath), d));
            }
            String resolutionPath = NightPublisher.partitionPath(warehouse, ResolutionStage.RESOLUTION, d);
            if (!restated.contains(d) && exists(hadoop, resolutionPath)) {
                resolution = resolution.unionByName(withDate(spark.read().parquet(resolutionPath), d)
                        .select(col("date"), col("team_id"), col("status"), col("single_conversation_resolved")));
            }
        }
        return Trends.series(teams, resolution.filter(col("date").geq(lit(Date.valueOf(Trends.firstDay(night))))));
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
