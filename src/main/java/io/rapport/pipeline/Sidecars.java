package io.rapport.pipeline;

import io.rapport.ingest.FileHead;
import io.rapport.ingest.IngestResult;
import io.rapport.ingest.SidecarMetadata;
import io.rapport.privacy.Privacy;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The night's sidecar metadata, loaded on the driver before transcripts are read (it is small: one row per
 * conversation) and shipped to every read task. Only CSV files are opened to look for a sidecar header.
 */
record Sidecars(SidecarMetadata metadata, List<IngestResult.Quarantined> problems, List<String> files) {

    static Sidecars load(Configuration hadoop, List<String> files, String nightRoot, int maxRecordBytes) {
        HadoopConf conf = new HadoopConf(hadoop);
        SidecarMetadata.Builder builder = new SidecarMetadata.Builder(maxRecordBytes);
        List<String> found = new java.util.ArrayList<>();
        for (String file : files) {
            String lower = file.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".csv") && !lower.contains(".csv.")) {
                continue;
            }
            try (InputStream in = ReadLandingFile.open(file, conf)) {
                FileHead.Peeked peeked = FileHead.peek(in);
                if (SidecarMetadata.isSidecar(peeked.head())) {
                    builder.read(ReadLandingFile.relativeName(file, nightRoot), peeked.stream());
                    found.add(file);
                }
            } catch (IOException e) {
                // The read stage opens the file again and quarantines it as UNREADABLE_FILE with this reason.
            }
        }
        return new Sidecars(builder.metadata(), builder.problems(), List.copyOf(found));
    }

    List<Row> problemRows(Privacy privacy) {
        return problems.stream().map(q -> ReadLandingFile.toRow(q, privacy)).toList();
    }
}
