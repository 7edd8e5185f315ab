package io.rapport.pipeline;

import io.rapport.resolution.RepeatContactWindow;
import io.rapport.warehouse.NightPublisher;
import io.rapport.warehouse.TableSchemas;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;

/**
 * Recomputes the {@code resolution} and {@code resolution_rates} partitions that night D can change: every
 * night from D minus the window to D. Each row reads the conversations of its own night and of the window's
 * nights after it, as far as they have been processed, so re-running any night or backfilling in any order
 * converges on the same table.
 */
final class ResolutionStage {

    static final String RESOLUTION = "resolution";
    static final String RATES = "resolution_rates";
    static final List<String> DIMENSIONS = List.of("agent_id", "team_id", "channel", "queue");

    private final SparkSession spark;
    private final String warehouse;
    private final RepeatContactWindow window;

    ResolutionStage(SparkSession spark, String warehouse, RepeatContactWindow window) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.window = window;
    }

    /** The nights this run rewrites: D minus the window through D. */
    List<LocalDate> affectedNights(LocalDate night) {
        List<LocalDate> nights = new ArrayList<>();
        for (LocalDate d = night.minusDays(window.days()); !d.isAfter(night); d = d.plusDays(1)) {
            nights.add(d);
        }
        return nights;
    }

    /** What resolution reads of a night's conversations. Given, so that Spark reads no footers to infer it. */
    private static final StructType HISTORY_COLUMNS = new StructType()
            .add("conversation_id", DataTypes.StringType)
            .add("started_at", DataTypes.TimestampType)
            .add("customer_id", DataTypes.StringType)
            .add("agent_id", DataTypes.StringType)
            .add("team_id", DataTypes.StringType)
            .add("channel", DataTypes.StringType)
            .add("queue", DataTypes.StringType)
            .add("resolved_in_conversation", DataTypes.BooleanType);

    /**
     * @param stagedConversations this night's conversations, not yet published
     * @return the resolution rows of the affected nights, with a {@code date} column
     */
    Dataset<Row> resolution(LocalDate night, String stagedConversations, Configuration hadoop) {
        Set<LocalDate> processed = processedNights(warehouse, hadoop);
        processed.add(night);
        List<LocalDate> affected = affectedNights(night);
        Dataset<Row> history = null;
        for (LocalDate d = affected.get(0); !d.isAfter(night.plusDays(window.days())); d = d.plusDays(1)) {
            if (!processed.contains(d)) {
                continue;
            }
            String path = d.equals(night) ? stagedConversations
                    : NightPublisher.partitionPath(warehouse, TableSchemas.CONVERSATIONS, d);
            requireReadable(hadoop, path, d, night);
            Dataset<Row> part = spark.read().schema(HISTORY_COLUMNS).parquet(path).select(
                    lit(Date.valueOf(d)).as("date"), col("conversation_id"), col("started_at"), col("customer_id"),
                    col("agent_id"), col("team_id"), col("channel"), col("queue"), col("resolved_in_conversation"));
            history = history == null ? part : history.unionByName(part);
        }
        Dataset<Row> repeats = history.filter(col("customer_id").isNotNull())
                .groupByKey((org.apache.spark.api.java.function.MapFunction<Row, String>) r -> r.getAs("customer_id"),
                        Encoders.STRING())
                .flatMapGroups(new AssignRepeats(window), Encoders.row(AssignRepeats.REPEAT));
        List<Date> finalNights = affected.stream().filter(d -> window.isFinal(d, processed)).map(Date::valueOf).toList();
        Column noCustomer = col("customer_id").isNull();
        Column repeated = col("repeat_conversation_id").isNotNull();
        return history.filter(col("date").isin(affected.stream().map(Date::valueOf).toArray()))
                .join(repeats, new String[] {"date", "conversation_id"}, "left")
                .select(col("date"), col("conversation_id"), col("started_at"), col("customer_id"), col("agent_id"),
                        col("team_id"), col("channel"), col("queue"), col("resolved_in_conversation"),
                        when(noCustomer, lit(null)).otherwise(repeated).as("repeat_contact"),
                        col("repeat_conversation_id"),
                        timestamp_micros(col("repeat_started_at_us")).as("repeat_started_at"),
                        when(noCustomer, lit(null)).when(repeated, lit(false))
                                .when(col("resolved_in_conversation").equalTo(false), lit(false))
                                .otherwise(lit(true)).as("single_conversation_resolved"),
                        when(col("date").isin(finalNights.toArray()), lit("final")).otherwise(lit("provisional"))
                                .as("status"),
                        lit(window.days()).as("window_days"));
    }

    /**
     * Rates per night and dimension. Only final rows count towards a rate; provisional rows are reported as a
     * share, and conversations without a customer id are counted but never rated.
     */
    static Dataset<Row> rates(Dataset<Row> resolution) {
        // Every row counts once per dimension: one aggregation over (dimension, key) pairs, not a union of five.
        List<Column> pairs = new ArrayList<>(List.of(struct(lit("overall").as("dimension"), lit("all").as("key"))));
        for (String dim : DIMENSIONS) {
            pairs.add(struct(lit(dim).as("dimension"), coalesce(col(dim), lit("(none)")).as("key")));
        }
        Dataset<Row> all = resolution.withColumn("pair", explode(array(pairs.toArray(Column[]::new))))
                .groupBy(col("date"), col("pair.dimension").as("dimension"), col("pair.key").as("key")).agg(
                    count(lit(1)).as("conversations"),
                    count(when(col("customer_id").isNull(), 1)).as("without_customer_id"),
                    count(when(col("status").equalTo("provisional"), 1)).as("provisional"),
                    count(when(col("status").equalTo("final").and(col("single_conversation_resolved").isNotNull()), 1))
                            .as("final_rated"),
                    count(when(col("status").equalTo("final").and(col("single_conversation_resolved")), 1))
                            .as("final_resolved"),
                    count(when(col("status").equalTo("provisional").and(col("single_conversation_resolved").isNotNull()), 1))
                            .as("provisional_rated"),
                    count(when(col("status").equalTo("provisional").and(col("single_conversation_resolved")), 1))
                            .as("provisional_resolved"),
                    count(when(col("resolved_in_conversation").isNotNull(), 1)).as("with_transcript_verdict"),
                    sum(when(col("resolved_in_conversation"), 1).otherwise(0)).as("resolved_in_transcript"));
        Map<String, Column> ratios = new LinkedHashMap<>();
        ratios.put("single_conversation_resolution_rate",
                when(col("final_rated").gt(0), col("final_resolved").divide(col("final_rated"))));
        ratios.put("provisional_share", col("provisional").divide(col("conversations")));
        ratios.put("interim_rate", when(col("provisional_rated").gt(0),
                col("provisional_resolved").divide(col("provisional_rated"))));
        ratios.put("in_transcript_resolution_rate", when(col("with_transcript_verdict").gt(0),
                col("resolved_in_transcript").divide(col("with_transcript_verdict"))));
        return all.withColumns(ratios);
    }

    /** Nights that have been processed, known by their runs partition. */
    static Set<LocalDate> processedNights(String warehouse, Configuration hadoop) {
        return NightPublisher.nightsIn(hadoop, new Path(warehouse, TableSchemas.RUNS));
    }

    /**
     * A history partition the window needs must be there and readable: every data file's Parquet footer is read
     * on the driver (milliseconds), so a missing, truncated or foreign file stops the night with its path instead
     * of giving a repeat-contact rate computed without that night.
     */
    private static void requireReadable(Configuration hadoop, String path, LocalDate night, LocalDate running) {
        Path p = new Path(path);
        String fix = "; restore it or re-run night " + night + ", then run " + running + " again";
        try {
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.exists(p)) {
                throw new NightPublisher.WarehouseException("night " + night + " is marked processed in runs but its"
                        + " conversations partition " + path + " is missing" + fix, null);
            }
            for (FileStatus f : fs.listStatus(p, x -> x.getName().endsWith(".parquet"))) {
                try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromStatus(f, hadoop))) {
                    footer.getFooter();
                } catch (IOException | RuntimeException e) {
                    throw new NightPublisher.WarehouseException("the conversations file " + f.getPath() + " of night "
                            + night + ", which the resolution window of " + running + " needs, is not readable"
                            + " Parquet (" + e.getMessage() + ")" + fix, e);
                }
            }
        } catch (IOException e) {
            throw new NightPublisher.WarehouseException("cannot read " + path + ": " + e.getMessage() + fix, e);
        }
    }
}
