package io.rapport.quality;

import io.rapport.resolution.ResolutionDetector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The resolution detector against its gold set: precision and recall per behaviour at utterance level, and
 * agreement of {@code resolved_in_conversation} with the conversation-level gold verdict.
 */
public final class ResolutionEvaluation {

    public static final List<String> BEHAVIORS = List.of(ResolutionDetector.CONFIRMED, ResolutionDetector.UNRESOLVED);

    /** One utterance whose predicted labels differ from gold. */
    public record Miss(String conversationId, int utteranceIndex, Set<String> gold, Set<String> predicted, String text) {
    }

    public record Result(List<DetectorScore> scores, int conversations, int verdictAgreements, List<Miss> misses,
                         List<Set<String>> predictions) {

        public DetectorScore score(String behavior) {
            return scores.stream().filter(s -> s.behavior().equals(behavior)).findFirst().orElseThrow();
        }

        public double verdictAccuracy() {
            return conversations == 0 ? 1.0 : (double) verdictAgreements / conversations;
        }
    }

    private ResolutionEvaluation() {
    }

    public static Result evaluate(ResolutionDetector detector, GoldSet gold) {
        int[] tp = new int[BEHAVIORS.size()];
        int[] fp = new int[BEHAVIORS.size()];
        int[] fn = new int[BEHAVIORS.size()];
        int agreements = 0;
        List<Miss> misses = new ArrayList<>();
        List<Set<String>> predictions = new ArrayList<>();
        for (GoldSet.Item item : gold.items()) {
            ResolutionDetector.Outcome outcome = detector.detect(item.conversation());
            if (Objects.equals(outcome.resolved(), item.verdict().get("resolved_in_conversation"))) {
                agreements++;
            }
            for (int u = 0; u < item.labels().size(); u++) {
                int index = u;
                Set<String> predicted = new HashSet<>();
                outcome.signals().stream().filter(s -> s.utteranceIndex() == index).forEach(s -> predicted.add(s.behavior()));
                predictions.add(predicted);
                Set<String> expected = new HashSet<>(item.labels().get(u));
                expected.retainAll(BEHAVIORS);
                for (int b = 0; b < BEHAVIORS.size(); b++) {
                    boolean p = predicted.contains(BEHAVIORS.get(b));
                    boolean g = expected.contains(BEHAVIORS.get(b));
                    tp[b] += p && g ? 1 : 0;
                    fp[b] += p && !g ? 1 : 0;
                    fn[b] += !p && g ? 1 : 0;
                }
                if (!predicted.equals(expected)) {
                    misses.add(new Miss(item.conversation().conversationId(), u, expected, predicted,
                            item.conversation().utterances().get(u).text()));
                }
            }
        }
        List<DetectorScore> scores = new ArrayList<>();
        for (int b = 0; b < BEHAVIORS.size(); b++) {
            scores.add(new DetectorScore(BEHAVIORS.get(b), tp[b], fp[b], fn[b]));
        }
        return new Result(scores, gold.items().size(), agreements, misses, predictions);
    }
}
