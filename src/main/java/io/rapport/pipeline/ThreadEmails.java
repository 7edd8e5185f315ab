package io.rapport.pipeline;

import io.rapport.ingest.EmailThreads;
import io.rapport.ingest.IngestResult;
import io.rapport.ingest.IngestSettings;
import io.rapport.privacy.Privacy;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Spark edge of email threading: the night's messages (one partition) in, one row per thread or problem out. */
final class ThreadEmails implements MapPartitionsFunction<Row, Row> {

    private final IngestSettings settings;
    private final Privacy privacy;

    ThreadEmails(IngestSettings settings, Privacy privacy) {
        this.settings = settings;
        this.privacy = privacy;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        List<IngestResult.EmailPart> parts = new ArrayList<>();
        rows.forEachRemaining(r -> parts.add(ReadLandingFile.emailPart(r)));
        return EmailThreads.assemble(parts, settings).stream().map(r -> ReadLandingFile.toRow(r, privacy)).iterator();
    }
}
