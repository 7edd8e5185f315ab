package io.rapport.warehouse;

import io.rapport.model.VendorFigures;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/**
 * A vendor's own figures ({@link VendorFigures}): a struct while the conversation travels, flat {@code vendor_*}
 * columns in the conversations table, each next to the figure of ours it can be compared with.
 */
public final class VendorColumns {

    static final StructType STRUCT = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("interruptions", DataTypes.IntegerType, true)
            .add("agent_talk_ms", DataTypes.LongType, true)
            .add("customer_talk_ms", DataTypes.LongType, true)
            .add("non_talk_ms", DataTypes.LongType, true)
            .add("duration_ms", DataTypes.LongType, true);

    /** The table columns, {@code vendor_<field>}, all nullable: most sources carry no vendor figures. */
    public static final StructField[] COLUMNS = Arrays.stream(STRUCT.fields())
            .map(f -> DataTypes.createStructField("vendor_" + f.name(), f.dataType(), true))
            .toArray(StructField[]::new);

    private VendorColumns() {
    }

    static Row toRow(VendorFigures v) {
        return v == null ? null : RowFactory.create(v.source(), v.interruptions(), v.agentTalkMs(), v.customerTalkMs(),
                v.nonTalkMs(), v.durationMs());
    }

    static VendorFigures fromRow(Row r) {
        return r == null ? null : new VendorFigures(r.getString(0), (Integer) r.get(1), (Long) r.get(2),
                (Long) r.get(3), (Long) r.get(4), (Long) r.get(5));
    }

    /** The table columns' values for a conversation, in {@link #COLUMNS} order. */
    public static Object[] values(VendorFigures v) {
        return v == null ? new Object[COLUMNS.length] : new Object[]{v.source(), v.interruptions(), v.agentTalkMs(),
                v.customerTalkMs(), v.nonTalkMs(), v.durationMs()};
    }
}
