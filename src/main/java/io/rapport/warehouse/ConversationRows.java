package io.rapport.warehouse;

import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical conversation as a Spark struct, so it can cross a shuffle (duplicate detection) between
 * ingest and analysis. Timestamps travel as epoch microseconds, which keeps the Row independent of the
 * session's java8API setting.
 */
public final class ConversationRows {

    public static final StructType UTTERANCE = new StructType()
            .add("speaker", DataTypes.StringType, false)
            .add("start_ms", DataTypes.LongType, false)
            .add("end_ms", DataTypes.LongType, true)
            .add("text", DataTypes.StringType, false);

    public static final StructType CONVERSATION = new StructType()
            .add("conversation_id", DataTypes.StringType, false)
            .add("channel", DataTypes.StringType, false)
            .add("started_at_us", DataTypes.LongType, false)
            .add("agent_id", DataTypes.StringType, false)
            .add("team_id", DataTypes.StringType, true)
            .add("customer_id", DataTypes.StringType, true)
            .add("queue", DataTypes.StringType, true)
            .add("utterances", DataTypes.createArrayType(UTTERANCE, false), false)
            .add("vendor", VendorColumns.STRUCT, true);

    private ConversationRows() {
    }

    public static Row toRow(Conversation c) {
        List<Row> utterances = new ArrayList<>(c.utterances().size());
        for (Utterance u : c.utterances()) {
            utterances.add(RowFactory.create(u.speaker().code(), u.startMs(), u.endMs(), u.text()));
        }
        return RowFactory.create(c.conversationId(), c.channel().code(), micros(c.startedAt()), c.agentId(),
                c.teamId(), c.customerId(), c.queue(), SparkValues.seq(utterances), VendorColumns.toRow(c.vendorFigures()));
    }

    public static Conversation fromRow(Row r) {
        List<Row> rows = r.getList(7);
        List<Utterance> utterances = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row u = rows.get(i);
            utterances.add(new Utterance(i, Speaker.fromCode(u.getString(0)).orElseThrow(), u.getLong(1),
                    u.isNullAt(2) ? null : u.getLong(2), u.getString(3)));
        }
        return new Conversation(r.getString(0), Channel.fromCode(r.getString(1)).orElseThrow(),
                Instant.EPOCH.plus(r.getLong(2), ChronoUnit.MICROS), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), utterances, VendorColumns.fromRow(r.getStruct(8)));
    }

    public static long micros(Instant i) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, i);
    }
}
