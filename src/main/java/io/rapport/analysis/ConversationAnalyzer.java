package io.rapport.analysis;

import io.rapport.analysis.language.Annotations;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.analysis.language.UtteranceModel;
import io.rapport.analysis.language.LanguageFindings;
import io.rapport.analysis.timing.BackchannelClassifier;
import io.rapport.analysis.timing.Interruption;
import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.analysis.timing.ResponseWaits;
import io.rapport.analysis.timing.SpeechTimeline;
import io.rapport.model.Conversation;
import io.rapport.model.Utterance;
import io.rapport.resolution.ResolutionDetector;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Runs every detector over one conversation in a single pass. Plain Java: no Spark, no shared state. */
public final class ConversationAnalyzer implements Serializable {

    private final BackchannelClassifier backchannels;
    private final InterruptionDetector interruptions;
    private final ResolutionDetector resolution;
    private final LanguageDetectors language;

    public ConversationAnalyzer(BackchannelClassifier backchannels, InterruptionDetector interruptions,
                                ResolutionDetector resolution, LanguageDetectors language) {
        this.backchannels = backchannels;
        this.interruptions = interruptions;
        this.resolution = resolution;
        this.language = language;
    }

    /**
     * Every detector with its shipped rules, or the rule files of {@code rulesDir} where it has them.
     *
     * @param sentiment whether to score the customer's sentiment (the slow part: a parser runs)
     */
    public static ConversationAnalyzer load(Optional<String> rulesDir, long minOverlapMs, boolean sentiment) {
        UtteranceModel model = UtteranceModel.load(rulesDir);
        return new ConversationAnalyzer(BackchannelClassifier.load(rulesDir), new InterruptionDetector(minOverlapMs),
                ResolutionDetector.load(rulesDir, model), new LanguageDetectors(rulesDir, sentiment, model));
    }

    public AnalyzedConversation analyze(Conversation c) {
        List<Utterance> utterances = c.utterances();
        boolean[] backchannel = new boolean[utterances.size()];
        for (Utterance u : utterances) {
            backchannel[u.index()] = u.speaker().isParty() && backchannels.isBackchannel(u);
        }
        SpeechTimeline timeline = null;
        List<Interruption> found = null;
        List<Long> waits = null;
        if (c.channel().isTimed()) {
            timeline = new SpeechTimeline(c);
            found = interruptions.detect(c, backchannel);
        } else {
            waits = ResponseWaits.of(c);
        }
        List<BehaviorEvent> events = new ArrayList<>();
        for (Utterance u : utterances) {
            if (backchannel[u.index()]) {
                events.add(BehaviorEvent.of(c, u, "acknowledgement", "backchannel", "lexicon.backchannel"));
            }
        }
        if (found != null) {
            for (Interruption i : found) {
                Utterance u = utterances.get(i.utteranceIndex());
                events.add(BehaviorEvent.of(c, u, "interruption",
                        i.interrupter().code() + "_interrupted_" + i.interrupted().code(),
                        "timing.overlap_min_" + interruptions.minOverlapMs() + "ms"));
            }
        }
        Annotations annotations = new Annotations(c);
        ResolutionDetector.Outcome outcome = resolution.detect(annotations);
        for (ResolutionDetector.Signal signal : outcome.signals()) {
            events.add(BehaviorEvent.of(c, utterances.get(signal.utteranceIndex()), signal.behavior(), signal.ruleId(),
                    ResolutionDetector.RULE_FILE.replace(".rules", "") + "." + signal.ruleId()));
        }
        LanguageFindings findings = language.analyze(annotations, backchannel);
        events.addAll(findings.events());
        events.sort(Comparator.comparingInt(BehaviorEvent::utteranceIndex).thenComparing(BehaviorEvent::behavior)
                .thenComparing(BehaviorEvent::detail));
        return new AnalyzedConversation(c, timeline, backchannel, found, waits, outcome.resolved(), findings,
                List.copyOf(events));
    }
}
