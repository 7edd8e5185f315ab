package io.rapport.pipeline;

import io.rapport.ingest.EmailMessage;
import io.rapport.ingest.IngestResult;
import io.rapport.ingest.IngestSettings;
import io.rapport.ingest.SourceRecord;
import io.rapport.ingest.ReasonCode;
import io.rapport.ingest.TranscriptFileReader;
import io.rapport.privacy.Privacy;
import io.rapport.warehouse.ConversationRows;
import io.rapport.warehouse.SparkValues;
import io.rapport.warehouse.TableSchemas;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Spark edge of ingest: one landing file in, one row per record read out, streamed. */
final class ReadLandingFile implements FlatMapFunction<String, Row> {

    /** An email message waiting for its thread ({@link EmailMessage}). */
    static final StructType EMAIL = new StructType()
            .add("message_id", DataTypes.StringType, true)
            .add("in_reply_to", DataTypes.StringType, true)
            .add("references", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("from", DataTypes.StringType, true)
            .add("to", DataTypes.StringType, true)
            .add("sent_at_ms", DataTypes.LongType, true)
            .add("subject", DataTypes.StringType, true)
            .add("body", DataTypes.StringType, false)
            .add("auto_reply", DataTypes.BooleanType, false);

    /** A record as read: a conversation, a quarantine reason, or an email message (exactly one of them). */
    static final StructType PARSED = TableSchemas.QUARANTINE_ROW.asNullable()
            .add("conversation", ConversationRows.CONVERSATION, true)
            .add("email", EMAIL, true);

    private final HadoopConf conf;
    private final String nightRoot;
    private final IngestSettings settings;
    private final String format;
    private final Privacy privacy;

    ReadLandingFile(HadoopConf conf, String nightRoot, IngestSettings settings, Optional<String> format,
                    Privacy privacy) {
        this.conf = conf;
        this.nightRoot = nightRoot;
        this.settings = settings;
        this.format = format.orElse(null);
        this.privacy = privacy;
    }

    @Override
    public Iterator<Row> call(String file) {
        String name = relativeName(file, nightRoot);
        Iterator<IngestResult> results;
        try {
            results = new TranscriptFileReader(settings, Optional.ofNullable(format)).read(name, open(file, conf));
        } catch (IOException e) {
            return List.of(RowFactory.create(name, 0L, null, ReasonCode.UNREADABLE_FILE.name(),
                    privacy.redact("cannot open: " + e), null, null, null)).iterator();
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return results.hasNext();
            }

            @Override
            public Row next() {
                return toRow(results.next(), privacy);
            }
        };
    }

    static InputStream open(String file, HadoopConf conf) throws IOException {
        Path path = new Path(file);
        InputStream in = path.getFileSystem(conf.get()).open(path);
        CompressionCodec codec = new CompressionCodecFactory(conf.get()).getCodec(path);
        return codec == null ? in : codec.createInputStream(in);
    }

    /** Paths are stored relative to the night's folder, so tables do not depend on where landing lives. */
    static String relativeName(String file, String nightRoot) {
        String root = nightRoot.endsWith("/") ? nightRoot : nightRoot + "/";
        return file.startsWith(root) ? file.substring(root.length()) : file;
    }

    /**
     * The row of a result. Personal data leaves here: an accepted conversation's customer id becomes its
     * pseudonym, and a quarantined record's raw text and message are redacted. An accepted record keeps its raw
     * text only in memory, for the night's duplicate check, which redacts it if it quarantines the record.
     */
    static Row toRow(IngestResult r, Privacy privacy) {
        String file = r.source().file();
        long line = r.source().line();
        if (r instanceof IngestResult.Accepted a) {
            return RowFactory.create(file, line, a.conversation().conversationId(), null, null, r.source().raw(),
                    ConversationRows.toRow(privacy.protect(a.conversation())), null);
        }
        String raw = r.source().raw();
        if (r instanceof IngestResult.EmailPart e) {
            EmailMessage m = e.message();
            return RowFactory.create(file, line, null, null, null, raw, null, RowFactory.create(m.messageId(),
                    m.inReplyTo(), SparkValues.seq(m.references()), m.from(), m.to(), m.sentAtMs(), m.subject(),
                    m.body(), m.autoReply()));
        }
        IngestResult.Quarantined q = (IngestResult.Quarantined) r;
        return RowFactory.create(file, line, q.conversationId(), q.code().name(), privacy.redact(q.message()),
                privacy.redact(raw), null, null);
    }

    /** The email message a row carries (see {@link #toRow}). */
    static IngestResult.EmailPart emailPart(Row r) {
        Row m = r.getAs("email");
        return new IngestResult.EmailPart(new SourceRecord(r.getAs("source_file"), r.<Long>getAs("line"),
                r.getAs("raw")), new EmailMessage(m.getString(0), m.getString(1), m.getList(2), m.getString(3),
                m.getString(4), m.isNullAt(5) ? null : m.getLong(5), m.getString(6), m.getString(7), m.getBoolean(8)));
    }
}
