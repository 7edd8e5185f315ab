package io.rapport.warehouse;

import io.rapport.metrics.ConversationMetric;
import io.rapport.metrics.MetricRegistry;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Column layouts of the warehouse tables (documented in docs/tables.md). The {@code date} partition column comes from the path. */
public final class TableSchemas {

    public static final String CONVERSATIONS = "conversations";
    public static final String BEHAVIOR_EVENTS = "behavior_events";
    public static final String QUARANTINE = "quarantine";
    public static final String RUNS = "runs";

    /** One row per detected moment. */
    public static final StructType EVENT = new StructType()
            .add("conversation_id", DataTypes.StringType, false)
            .add("agent_id", DataTypes.StringType, false)
            .add("utterance_index", DataTypes.IntegerType, false)
            .add("speaker", DataTypes.StringType, false)
            .add("behavior", DataTypes.StringType, false)
            .add("detail", DataTypes.StringType, true)
            .add("offset_ms", DataTypes.LongType, false)
            .add("excerpt", DataTypes.StringType, true)
            .add("rule_id", DataTypes.StringType, false);

    public static final StructType QUARANTINE_ROW = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("conversation_id", DataTypes.StringType, true)
            .add("reason_code", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false)
            .add("raw", DataTypes.StringType, true);

    /** What the analysis stage emits per conversation: ids, every metric, provenance, and its events. */
    public static final StructType ANALYZED = analyzed();

    private TableSchemas() {
    }

    private static StructType analyzed() {
        // Conversation-level columns as they travel through the pipeline (all but the utterances).
        List<StructField> fields = new ArrayList<>(List.of(ConversationRows.CONVERSATION.fields()).subList(0, 7));
        fields.add(DataTypes.createStructField("utterance_count", DataTypes.IntegerType, false));
        for (ConversationMetric m : MetricRegistry.ALL) {
            fields.add(DataTypes.createStructField(m.name(), sparkType(m), true));
        }
        fields.addAll(List.of(VendorColumns.COLUMNS));
        fields.add(DataTypes.createStructField("source_file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("source_line", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("events", DataTypes.createArrayType(EVENT, false), false));
        return DataTypes.createStructType(fields);
    }

    private static DataType sparkType(ConversationMetric m) {
        return switch (m.type()) {
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
