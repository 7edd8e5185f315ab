package io.rapport.quality;

import io.rapport.resolution.ResolutionDetector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The resolution detector against its gold set: precision and recall per behaviour at utterance level, and
 * agreement of {@code resolved_in_conversation} with the conversation-level gold verdict.
 */
public final class ResolutionEvaluation {

    public static final List<String> BEHAVIORS = List.of(ResolutionDetector.CONFIRMED, ResolutionDetector.UNRESOLVED);

    /** The utterance-level agreement, and how many conversations' verdicts agree with gold. */
    public record Result(LabelAgreement.Result labels, int conversations, int verdictAgreements) {

        public DetectorScore score(String behavior) {
            return labels.score(behavior);
        }

        public List<DetectorScore> scores() {
            return labels.scores();
        }

        public double verdictAccuracy() {
            return conversations == 0 ? 1.0 : (double) verdictAgreements / conversations;
        }
    }

    private ResolutionEvaluation() {
    }

    public static Result evaluate(ResolutionDetector detector, GoldSet gold) {
        int[] agreements = {0};
        LabelAgreement.Result labels = LabelAgreement.measure(gold, BEHAVIORS, g -> g, item -> {
            ResolutionDetector.Outcome outcome = detector.detect(item.conversation());
            if (Objects.equals(outcome.resolved(), item.verdict().get("resolved_in_conversation"))) {
                agreements[0]++;
            }
            List<Map<String, String>> predicted = new ArrayList<>();
            for (int u = 0; u < item.labels().size(); u++) {
                predicted.add(new HashMap<>());
            }
            outcome.signals().forEach(s -> predicted.get(s.utteranceIndex()).putIfAbsent(s.behavior(), s.ruleId()));
            return predicted;
        });
        return new Result(labels, gold.items().size(), agreements[0]);
    }
}
