package io.rapport.quality;

import io.rapport.analysis.AnalyzedConversation;
import io.rapport.analysis.BehaviorEvent;
import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.language.LanguageDetectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The language detectors against a behaviours gold set (src/test/resources/gold/behaviours.md): precision and
 * recall per behaviour at utterance level, empathy both as a whole and per subtype.
 */
public final class BehaviourEvaluation {

    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    /** The labels measured: each detector, then the empathy subtypes. */
    public static final List<String> LABELS;

    static {
        List<String> labels = new ArrayList<>(LanguageDetectors.BEHAVIORS);
        labels.add(ACKNOWLEDGEMENT);
        LanguageDetectors.EMPATHY_KINDS.forEach(k -> labels.add(LanguageDetectors.EMPATHY + ":" + k));
        LABELS = List.copyOf(labels);
    }

    private BehaviourEvaluation() {
    }

    public static LabelAgreement.Result evaluate(ConversationAnalyzer analyzer, GoldSet gold) {
        return LabelAgreement.measure(gold, LABELS, BehaviourEvaluation::withEmpathy, item -> predict(analyzer, item));
    }

    /** Gold labels name empathy only by subtype ("empathy:apology"); the detector as a whole is "empathy". */
    private static Set<String> withEmpathy(Set<String> labels) {
        Set<String> out = new HashSet<>(labels);
        if (labels.stream().anyMatch(l -> l.startsWith(LanguageDetectors.EMPATHY + ":"))) {
            out.add(LanguageDetectors.EMPATHY);
        }
        return out;
    }

    private static List<Map<String, String>> predict(ConversationAnalyzer analyzer, GoldSet.Item item) {
        AnalyzedConversation a = analyzer.analyze(item.conversation());
        List<Map<String, String>> out = new ArrayList<>();
        for (int u = 0; u < item.labels().size(); u++) {
            out.add(new HashMap<>());
        }
        for (BehaviorEvent e : a.events()) {
            Map<String, String> p = out.get(e.utteranceIndex());
            p.putIfAbsent(e.behavior(), e.ruleId());
            if (e.behavior().equals(LanguageDetectors.EMPATHY)) {
                p.putIfAbsent(e.behavior() + ":" + e.detail(), e.ruleId());
            }
        }
        return out;
    }
}
