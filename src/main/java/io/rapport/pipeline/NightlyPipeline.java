package io.rapport.pipeline;

import io.rapport.aggregate.Coaching;
import io.rapport.aggregate.DailyAggregates;
import io.rapport.aggregate.Trends;
import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.ingest.IngestSettings;
import io.rapport.ingest.ReasonCode;
import io.rapport.privacy.Privacy;
import io.rapport.resolution.RepeatContactWindow;
import io.rapport.warehouse.ConversationRows;
import io.rapport.warehouse.Faults;
import io.rapport.warehouse.NightPublisher;
import io.rapport.warehouse.SparkValues;
import io.rapport.warehouse.TableSchemas;
import io.rapport.warehouse.WarehouseLock;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.timestamp_micros;

/**
 * One night, end to end: list the landing files, read and validate them, drop duplicate conversation ids,
 * analyse each conversation, and publish conversations, behavior_events, quarantine and runs as that date's
 * partitions. Spark does the reading, shuffling and writing; everything per conversation is plain Java.
 */
public final class NightlyPipeline {

    /**
     * Conversations per analysis task. The duplicate check sorts each task's conversations (whole rows) before
     * they are analysed, and that sort stays in memory while the task runs: a fixed size keeps it small however
     * large the night, where a fixed number of tasks let a 300k night fill a 4.5 GiB heap.
     */
    private static final long RECORDS_PER_ANALYZE_TASK = 5_000;
    /** Records read per output partition (write task); sized so a 60k-conversation night writes in one go. */
    private static final long RECORDS_PER_WRITE_TASK = 100_000;
    /** Caps a Parquet file's rows; events outnumber conversations about thirtyfold. */
    private static final long MAX_ROWS_PER_FILE = 1_000_000;

    private final SparkSession spark;
    private final NightOptions options;
    private final Broadcast<ConversationAnalyzer> analyzer;

    public NightlyPipeline(SparkSession spark, NightOptions options) {
        this.spark = spark;
        this.options = options;
        this.analyzer = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(
                ConversationAnalyzer.load(options.rulesDir(), options.minOverlapMs(), options.sentiment()));
    }

    public NightResult run(LocalDate date) {
        String runId = date + "-" + UUID.randomUUID().toString().substring(0, 8);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try (WarehouseLock lock = WarehouseLock.acquire(hadoop, options.warehouse(), date, runId)) {
            return run(date, runId, hadoop);
        }
    }

    private NightResult run(LocalDate date, String runId, Configuration hadoop) {
        Instant started = Instant.now();
        Map<String, Long> stageMillis = new LinkedHashMap<>();

        List<String> files = LandingFolder.files(hadoop, options.inputRoot(), date);
        NightPublisher publisher = new NightPublisher(hadoop, options.warehouse(), date, runId);
        publisher.prepare();

        long t = System.nanoTime();
        String nightRoot = qualified(hadoop, date);
        Privacy privacy = new Privacy(options.pseudonymKey(), options.rulesDir());
        Sidecars sidecars = Sidecars.load(hadoop, files, nightRoot, options.maxRecordBytes());
        IngestSettings settings = new IngestSettings(options.maxRecordBytes(), sidecars.metadata(),
                options.agentDomains());
        // One task per file: a task's records are cached as one block, so a task reading several large files
        // unrolled gigabytes of heap before spilling (a 1M night ran out of a 4.5 GiB heap this way).
        Dataset<Row> records = spark.createDataset(JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(files, Math.max(1, files.size())).rdd(), Encoders.STRING())
                .flatMap(new ReadLandingFile(new HadoopConf(hadoop), nightRoot, settings, options.format(), privacy),
                        Encoders.row(ReadLandingFile.PARSED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Email threads can span files, so the night's messages meet in one task to become conversations.
        Dataset<Row> threads = records.filter(col("email").isNotNull()).repartition(1)
                .mapPartitions(new ThreadEmails(settings, privacy), Encoders.row(ReadLandingFile.PARSED));
        Dataset<Row> parsed = records.filter(col("email").isNull()).unionByName(threads)
                .unionByName(spark.createDataFrame(sidecars.problemRows(privacy), ReadLandingFile.PARSED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long read = parsed.count();
        records.unpersist();
        Faults.reached("read");
        stageMillis.put("read", millisSince(t));

        t = System.nanoTime();
        // First occurrence by (file, line) wins, so which copy is kept does not depend on task order.
        WindowSpec byId = Window.partitionBy("conversation_id").orderBy("source_file", "line");
        int analyzeTasks = (int) Math.max(spark.sparkContext().defaultParallelism(),
                (read + RECORDS_PER_ANALYZE_TASK - 1) / RECORDS_PER_ANALYZE_TASK);
        // Partitioned by the window's key, so the window adds no shuffle of its own.
        Dataset<Row> ranked = parsed.filter(col("reason_code").isNull())
                .repartition(analyzeTasks, col("conversation_id"))
                .withColumn("occurrence", row_number().over(byId))
                .withColumn("kept_file", first("source_file").over(byId))
                .withColumn("kept_line", first("line").over(byId));
        Dataset<Row> duplicates = ranked.filter(col("occurrence").gt(1)).select(
                col("source_file"), col("line"), col("conversation_id"),
                lit(ReasonCode.DUPLICATE_CONVERSATION_ID.name()).as("reason_code"),
                concat(lit("conversation_id '"), col("conversation_id"), lit("' was already read from "),
                        col("kept_file"), lit(" line "), col("kept_line"), lit("; that copy is kept")).as("message"),
                col("raw"))
                .map(new RedactQuarantine(privacy), Encoders.row(TableSchemas.QUARANTINE_ROW));
        Dataset<Row> quarantine = parsed.filter(col("reason_code").isNotNull())
                .select(columns(TableSchemas.QUARANTINE_ROW))
                .unionByName(duplicates);
        AnalysisTime analysisTime = new AnalysisTime(spark.sparkContext());
        Dataset<Row> analyzed = ranked.filter(col("occurrence").equalTo(1))
                .map(new AnalyzeConversation(analyzer, privacy, analysisTime), Encoders.row(TableSchemas.ANALYZED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long processed = analyzed.count();
        stageMillis.put("analyze", millisSince(t));
        Map<String, Long> analysisMillis = analysisTime.millis();

        t = System.nanoTime();
        Dataset<Row> conversations = analyzed.drop("events")
                .withColumn("started_at", timestamp_micros(col("started_at_us")))
                .select(conversationColumns());
        Dataset<Row> events = analyzed.select(explode(col("events")).as("e")).select("e.*");
        int writeTasks = (int) Math.max(1, (read + RECORDS_PER_WRITE_TASK - 1) / RECORDS_PER_WRITE_TASK);
        long quarantined = write(quarantine, publisher, TableSchemas.QUARANTINE, writeTasks,
                "source_file", "line", "reason_code");
        Faults.reached("between:quarantine-conversations");
        write(conversations, publisher, TableSchemas.CONVERSATIONS, writeTasks, "conversation_id");
        long eventCount = write(events, publisher, TableSchemas.BEHAVIOR_EVENTS, writeTasks,
                "conversation_id", "utterance_index", "behavior", "detail");
        Map<String, Long> byReason = new TreeMap<>();
        for (Row r : spark.read().parquet(publisher.stagingPath(TableSchemas.QUARANTINE))
                .groupBy("reason_code").count().collectAsList()) {
            byReason.put(r.getString(0), r.getLong(1));
        }
        stageMillis.put("write", millisSince(t));
        parsed.unpersist();
        analyzed.unpersist();
        if (read != processed + quarantined) {
            // Nothing is published: a night that lost records must not look complete.
            throw new ReconciliationException("night " + date + " does not reconcile: read " + read + " != processed "
                    + processed + " + quarantined " + quarantined + "; nothing was published");
        }

        t = System.nanoTime();
        List<NightPublisher.Partition> partitions = new ArrayList<>();
        for (String table : List.of(TableSchemas.QUARANTINE, TableSchemas.CONVERSATIONS, TableSchemas.BEHAVIOR_EVENTS,
                TableSchemas.RUNS)) {
            partitions.add(new NightPublisher.Partition(table, date));
        }
        ResolutionSummary resolution = resolve(date, publisher, hadoop, partitions);
        stageMillis.put("resolution", millisSince(t));

        t = System.nanoTime();
        AggregateStage aggregates = new AggregateStage(spark, options.warehouse());
        write(aggregates.agentDaily(publisher), publisher, DailyAggregates.AGENT_DAILY, 1, "agent_id", "team_id");
        write(aggregates.teamDaily(publisher), publisher, DailyAggregates.TEAM_DAILY, 1, "team_id");
        stageMillis.put("daily_aggregates", millisSince(t));
        t = System.nanoTime();
        Set<LocalDate> restated = partitions.stream().filter(p -> p.table().equals(ResolutionStage.RESOLUTION))
                .map(NightPublisher.Partition::date).collect(Collectors.toSet());
        write(aggregates.trends(date, publisher, hadoop, restated), publisher, Trends.TABLE, 1,
                "week_start", "scope", "team_id");
        stageMillis.put("trends", millisSince(t));
        t = System.nanoTime();
        write(aggregates.coaching(date, publisher, hadoop), publisher, Coaching.TABLE, 1, "agent_id", "behaviour");
        stageMillis.put("coaching", millisSince(t));
        for (String table : List.of(DailyAggregates.AGENT_DAILY, DailyAggregates.TEAM_DAILY, Trends.TABLE, Coaching.TABLE)) {
            partitions.add(new NightPublisher.Partition(table, date));
        }

        NightResult result = new NightResult(runId, date, files, read, processed, quarantined, eventCount, byReason,
                resolution, stageMillis, analysisMillis, started, Instant.now());
        writeRun(result, publisher);
        publisher.publish(partitions);
        return result;
    }

    /**
     * Stages the resolution and resolution_rates partitions of every night this one can change, adds them to
     * {@code partitions}, and summarises them.
     */
    private ResolutionSummary resolve(LocalDate date, NightPublisher publisher, Configuration hadoop,
                                      List<NightPublisher.Partition> partitions) {
        ResolutionStage stage = new ResolutionStage(spark, options.warehouse(),
                new RepeatContactWindow(options.repeatWindowDays()));
        Dataset<Row> resolution = stage.resolution(date, publisher.stagingPath(TableSchemas.CONVERSATIONS), hadoop)
                .persist(StorageLevel.MEMORY_AND_DISK());
        resolution.repartition(col("date")).sortWithinPartitions("date", "conversation_id")
                .write().mode(SaveMode.Overwrite).partitionBy("date")
                .parquet(publisher.stagingRoot(ResolutionStage.RESOLUTION));
        ResolutionStage.rates(resolution).repartition(col("date")).sortWithinPartitions("date", "dimension", "key")
                .write().mode(SaveMode.Overwrite).partitionBy("date").parquet(publisher.stagingRoot(ResolutionStage.RATES));
        List<LocalDate> affected = stage.affectedNights(date);
        for (LocalDate night : affected) {
            partitions.add(new NightPublisher.Partition(ResolutionStage.RESOLUTION, night));
            partitions.add(new NightPublisher.Partition(ResolutionStage.RATES, night));
        }
        List<ResolutionSummary.Line> lines = new ArrayList<>();
        for (Row r : ResolutionStage.rates(resolution.withColumn("date", lit(null).cast("date")))
                .filter(col("dimension").isin("overall", "channel")).orderBy("dimension", "key").collectAsList()) {
            lines.add(new ResolutionSummary.Line(r.getAs("dimension"), r.getAs("key"), r.getAs("conversations"),
                    r.getAs("provisional"), r.getAs("without_customer_id"), r.getAs("final_rated"),
                    r.getAs("final_resolved"), r.getAs("provisional_rated"), r.getAs("provisional_resolved"),
                    r.getAs("with_transcript_verdict"), r.<Long>getAs("resolved_in_transcript")));
        }
        resolution.unpersist();
        return new ResolutionSummary(affected.get(0), date, options.repeatWindowDays(), lines);
    }

    /**
     * Writes a table's night to staging and returns its row count (read back from the Parquet footers).
     * Hash partitioning on the first sort column and sorting within partitions make the files' contents a
     * function of the rows alone, whatever order tasks ran in.
     */
    private long write(Dataset<Row> rows, NightPublisher publisher, String table, int tasks, String... sortColumns) {
        String path = publisher.stagingPath(table);
        Faults.reached("write:" + table);
        rows.repartition(tasks, col(sortColumns[0])).sortWithinPartitions(columns(sortColumns))
                .write().mode(SaveMode.Overwrite).option("maxRecordsPerFile", MAX_ROWS_PER_FILE).parquet(path);
        // The schema is known: giving it spares Spark a job that reads every footer to infer it.
        return spark.read().schema(rows.schema()).parquet(path).count();
    }

    private void writeRun(NightResult r, NightPublisher publisher) {
        Row row = RowFactory.create(r.runId(), SparkValues.seq(r.inputFiles()), r.read(), r.processed(),
                r.quarantined(), r.events(), SparkValues.map(r.quarantinedByReason()), SparkValues.map(r.stageMillis()),
                SparkValues.map(r.analysisMillis()), ConversationRows.micros(r.startedAt()),
                ConversationRows.micros(r.finishedAt()),
                options.codeVersion(), spark.sparkContext().master(), options.inputRoot(),
                options.pseudonymKey().fingerprint());
        spark.createDataFrame(List.of(row), RUN_ROW)
                .withColumn("started_at", timestamp_micros(col("started_at_us")))
                .withColumn("finished_at", timestamp_micros(col("finished_at_us")))
                .drop("started_at_us", "finished_at_us")
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(publisher.stagingPath(TableSchemas.RUNS));
    }

    static final StructType RUN_ROW = new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("input_files", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("read", DataTypes.LongType, false)
            .add("processed", DataTypes.LongType, false)
            .add("quarantined", DataTypes.LongType, false)
            .add("events", DataTypes.LongType, false)
            .add("quarantined_by_reason", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false)
            .add("stage_ms", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false)
            // The analyze stage's task time summed over its tasks: nlp, detectors, redaction (AnalysisTime).
            .add("analysis_ms", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false)
            .add("started_at_us", DataTypes.LongType, false)
            .add("finished_at_us", DataTypes.LongType, false)
            .add("code_version", DataTypes.StringType, false)
            .add("master", DataTypes.StringType, false)
            .add("input_root", DataTypes.StringType, false)
            // Which key pseudonymised the night's customer ids (source and fingerprint, never the key itself).
            .add("pseudonym_key", DataTypes.StringType, false);

    /** The conversations table's columns: ids and started_at first, then metrics, then provenance. */
    private static Column[] conversationColumns() {
        return Arrays.stream(TableSchemas.ANALYZED.fieldNames())
                .filter(n -> !n.equals("events"))
                .map(n -> n.equals("started_at_us") ? col("started_at") : col(n))
                .toArray(Column[]::new);
    }

    private static Column[] columns(StructType schema) {
        return columns(schema.fieldNames());
    }

    private static Column[] columns(String... names) {
        Column[] cols = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            cols[i] = col(names[i]);
        }
        return cols;
    }

    private String qualified(Configuration hadoop, LocalDate date) {
        Path night = new Path(LandingFolder.nightPath(options.inputRoot(), date));
        try {
            return night.getFileSystem(hadoop).makeQualified(night).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** read != processed + quarantined: a bug, never expected; the night is not published. */
    public static final class ReconciliationException extends RuntimeException {
        public ReconciliationException(String message) {
            super(message);
        }
    }
}
