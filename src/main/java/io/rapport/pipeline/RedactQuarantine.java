package io.rapport.pipeline;

import io.rapport.privacy.Privacy;
import io.rapport.warehouse.TableSchemas;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Redacts the message and raw text of a quarantine row ({@link TableSchemas#QUARANTINE_ROW}) made after ingest. */
final class RedactQuarantine implements MapFunction<Row, Row> {

    private final Privacy privacy;

    RedactQuarantine(Privacy privacy) {
        this.privacy = privacy;
    }

    @Override
    public Row call(Row r) {
        return RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), privacy.redact(r.getString(4)),
                privacy.redact(r.getString(5)));
    }
}
