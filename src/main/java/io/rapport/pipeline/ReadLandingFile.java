package io.rapport.pipeline;

import io.rapport.ingest.IngestResult;
import io.rapport.ingest.ReasonCode;
import io.rapport.ingest.TranscriptFileReader;
import io.rapport.warehouse.ConversationRows;
import io.rapport.warehouse.TableSchemas;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Spark edge of ingest: one landing file in, one row per record read out, streamed. */
final class ReadLandingFile implements FlatMapFunction<String, Row> {

    /** A record as read: either a conversation or a quarantine reason (never both). */
    static final StructType PARSED = TableSchemas.QUARANTINE_ROW.asNullable()
            .add("conversation", ConversationRows.CONVERSATION, true);

    private final HadoopConf conf;
    private final String nightRoot;
    private final int maxRecordBytes;
    private final String format;

    ReadLandingFile(HadoopConf conf, String nightRoot, int maxRecordBytes, Optional<String> format) {
        this.conf = conf;
        this.nightRoot = nightRoot;
        this.maxRecordBytes = maxRecordBytes;
        this.format = format.orElse(null);
    }

    @Override
    public Iterator<Row> call(String file) {
        String name = relativeName(file);
        Iterator<IngestResult> results;
        try {
            results = new TranscriptFileReader(maxRecordBytes, Optional.ofNullable(format)).read(name, open(file));
        } catch (IOException e) {
            return List.of(RowFactory.create(name, 0L, null, ReasonCode.UNREADABLE_FILE.name(),
                    "cannot open: " + e, null, null)).iterator();
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return results.hasNext();
            }

            @Override
            public Row next() {
                return toRow(results.next());
            }
        };
    }

    private InputStream open(String file) throws IOException {
        Path path = new Path(file);
        InputStream in = path.getFileSystem(conf.get()).open(path);
        CompressionCodec codec = new CompressionCodecFactory(conf.get()).getCodec(path);
        return codec == null ? in : codec.createInputStream(in);
    }

    /** Paths are stored relative to the night's folder, so tables do not depend on where landing lives. */
    private String relativeName(String file) {
        String root = nightRoot.endsWith("/") ? nightRoot : nightRoot + "/";
        return file.startsWith(root) ? file.substring(root.length()) : file;
    }

    static Row toRow(IngestResult r) {
        String file = r.source().file();
        long line = r.source().line();
        if (r instanceof IngestResult.Accepted a) {
            return RowFactory.create(file, line, a.conversation().conversationId(), null, null, r.source().raw(),
                    ConversationRows.toRow(a.conversation()));
        }
        IngestResult.Quarantined q = (IngestResult.Quarantined) r;
        return RowFactory.create(file, line, q.conversationId(), q.code().name(), q.message(), r.source().raw(), null);
    }
}
