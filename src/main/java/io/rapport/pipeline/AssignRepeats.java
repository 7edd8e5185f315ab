package io.rapport.pipeline;

import io.rapport.resolution.RepeatContactWindow;
import io.rapport.warehouse.ConversationRows;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Spark edge of the repeat-contact window: one customer's conversations in, each one's repeat out. */
final class AssignRepeats implements FlatMapGroupsFunction<String, Row, Row> {

    static final StructType REPEAT = new StructType()
            .add("date", DataTypes.DateType, false)
            .add("conversation_id", DataTypes.StringType, false)
            .add("repeat_conversation_id", DataTypes.StringType, true)
            .add("repeat_started_at_us", DataTypes.LongType, true);

    private final RepeatContactWindow window;

    AssignRepeats(RepeatContactWindow window) {
        this.window = window;
    }

    @Override
    public Iterator<Row> call(String customerId, Iterator<Row> rows) {
        List<Row> conversations = new ArrayList<>();
        List<RepeatContactWindow.Contact> contacts = new ArrayList<>();
        rows.forEachRemaining(r -> {
            conversations.add(r);
            contacts.add(new RepeatContactWindow.Contact(r.getAs("conversation_id"),
                    r.<Timestamp>getAs("started_at").toInstant()));
        });
        List<RepeatContactWindow.Repeat> repeats = window.repeats(contacts);
        List<Row> out = new ArrayList<>(conversations.size());
        for (int i = 0; i < conversations.size(); i++) {
            RepeatContactWindow.Repeat repeat = repeats.get(i);
            out.add(RowFactory.create(conversations.get(i).<Date>getAs("date"), contacts.get(i).conversationId(),
                    repeat.conversationId(), repeat.found() ? ConversationRows.micros(repeat.startedAt()) : null));
        }
        return out.iterator();
    }
}
