package io.rapport.pipeline;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.BehaviorEvent;
import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.language.NlpTime;
import io.rapport.metrics.MetricRegistry;
import io.rapport.model.Conversation;
import io.rapport.privacy.Privacy;
import io.rapport.warehouse.ConversationRows;
import io.rapport.warehouse.SparkValues;
import io.rapport.warehouse.TableSchemas;
import io.rapport.warehouse.VendorColumns;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark edge of analysis: a validated conversation row in, its metrics and events out ({@link TableSchemas#ANALYZED}).
 * The analyzer (rules and model weights, about 2.5 MB serialised) comes as a broadcast: every task carries this
 * function, also the tasks that only read the cached result, and deserialising the analyzer in each of them cost
 * more than a small night's analysis. A broadcast is deserialised once per executor JVM (never, in local mode).
 */
final class AnalyzeConversation implements MapFunction<Row, Row> {

    private final Broadcast<ConversationAnalyzer> analyzer;
    private final Privacy privacy;
    private final AnalysisTime time;

    AnalyzeConversation(Broadcast<ConversationAnalyzer> analyzer, Privacy privacy, AnalysisTime time) {
        this.analyzer = analyzer;
        this.privacy = privacy;
        this.time = time;
    }

    @Override
    public Row call(Row parsed) {
        Row conversationRow = parsed.getAs("conversation");
        Conversation c = ConversationRows.fromRow(conversationRow);
        long start = System.nanoTime();
        long nlpBefore = NlpTime.nanos();
        AnalyzedConversation a = analyzer.value().analyze(c);
        Object[] metrics = MetricRegistry.computeAll(a);
        long analysed = System.nanoTime();
        long nlp = NlpTime.nanos() - nlpBefore;
        List<Object> values = new ArrayList<>(TableSchemas.ANALYZED.size());
        for (int i = 0; i < 7; i++) {
            values.add(conversationRow.get(i));
        }
        values.add(c.utterances().size());
        Collections.addAll(values, metrics);
        Collections.addAll(values, VendorColumns.values(c.vendorFigures()));
        values.add(parsed.getAs("source_file"));
        values.add(parsed.getAs("line"));
        List<Row> events = new ArrayList<>(a.events().size());
        // One utterance often shows several behaviours: redact its excerpt once.
        Map<String, String> redacted = new HashMap<>();
        for (BehaviorEvent e : a.events()) {
            events.add(RowFactory.create(e.conversationId(), e.agentId(), e.utteranceIndex(), e.speaker(),
                    e.behavior(), e.detail(), e.offsetMs(), redacted.computeIfAbsent(e.excerpt(), privacy::redact),
                    e.ruleId()));
        }
        time.add(nlp, analysed - start - nlp, System.nanoTime() - analysed);
        values.add(SparkValues.seq(events));
        return RowFactory.create(values.toArray());
    }
}
