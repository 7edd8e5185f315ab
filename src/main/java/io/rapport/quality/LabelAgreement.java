package io.rapport.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Utterance-level agreement of predicted labels with a gold set's labels, for a fixed list of labels: precision
 * and recall per label, the utterances where they differ, and every utterance's prediction (so two rule
 * versions can be compared utterance by utterance).
 */
public final class LabelAgreement {

    /**
     * One utterance whose predicted labels differ from gold, restricted to the labels measured.
     *
     * @param evidence per predicted label, the rule (or {@code model}) that gave it, so a miss points at what to edit
     */
    public record Miss(String conversationId, int utteranceIndex, Set<String> gold, Set<String> predicted,
                       Map<String, String> evidence, String text) {
    }

    public record Result(List<DetectorScore> scores, List<Miss> misses, List<Set<String>> predictions) {

        public DetectorScore score(String label) {
            return scores.stream().filter(s -> s.behavior().equals(label)).findFirst().orElseThrow();
        }
    }

    private LabelAgreement() {
    }

    /**
     * @param labels    the labels measured, in reporting order
     * @param goldOf    an utterance's gold labels as the measure sees them (e.g. with derived labels added)
     * @param predict   per gold item, the predicted labels of each of its utterances, each with the rule behind it
     */
    public static Result measure(GoldSet gold, List<String> labels, Function<Set<String>, Set<String>> goldOf,
                                 Function<GoldSet.Item, List<Map<String, String>>> predict) {
        int[] tp = new int[labels.size()];
        int[] fp = new int[labels.size()];
        int[] fn = new int[labels.size()];
        List<Miss> misses = new ArrayList<>();
        List<Set<String>> predictions = new ArrayList<>();
        for (GoldSet.Item item : gold.items()) {
            List<Map<String, String>> predicted = predict.apply(item);
            for (int u = 0; u < item.labels().size(); u++) {
                Set<String> p = new HashSet<>(predicted.get(u).keySet());
                p.retainAll(labels);
                Set<String> g = new HashSet<>(goldOf.apply(item.labels().get(u)));
                g.retainAll(labels);
                predictions.add(p);
                for (int b = 0; b < labels.size(); b++) {
                    boolean isP = p.contains(labels.get(b));
                    boolean isG = g.contains(labels.get(b));
                    tp[b] += isP && isG ? 1 : 0;
                    fp[b] += isP && !isG ? 1 : 0;
                    fn[b] += !isP && isG ? 1 : 0;
                }
                if (!p.equals(g)) {
                    Map<String, String> evidence = new TreeMap<>(predicted.get(u));
                    evidence.keySet().retainAll(labels);
                    misses.add(new Miss(item.conversation().conversationId(), u, g, p, evidence,
                            item.conversation().utterances().get(u).text()));
                }
            }
        }
        List<DetectorScore> scores = new ArrayList<>();
        for (int b = 0; b < labels.size(); b++) {
            scores.add(new DetectorScore(labels.get(b), tp[b], fp[b], fn[b]));
        }
        return new Result(scores, misses, predictions);
    }
}
