package io.rapport.resolution;

import io.rapport.analysis.language.NlpPipeline;
import io.rapport.analysis.language.PhraseRules;
import io.rapport.analysis.language.RuleMatch;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the transcript itself shows the issue resolved: the customer confirming it fixed or answered
 * ({@code resolution_confirmed}), or the conversation ending open — escalation asked, a callback promised,
 * a transfer, "still not working", the customer giving up ({@code unresolved_signal}). The phrases are the
 * TokensRegex rules of {@code rules/resolution.rules}. The latest signal in the conversation decides.
 */
public final class ResolutionDetector implements Serializable {

    public static final String RULE_FILE = "resolution.rules";
    public static final String CONFIRMED = "resolution_confirmed";
    public static final String UNRESOLVED = "unresolved_signal";

    private final PhraseRules rules;

    public ResolutionDetector(PhraseRules rules) {
        this.rules = rules;
    }

    public static ResolutionDetector load(Optional<String> rulesDir) {
        return new ResolutionDetector(PhraseRules.load(RULE_FILE, rulesDir));
    }

    /**
     * One piece of evidence.
     *
     * @param ruleId the rule's id within the rule file
     */
    public record Signal(int utteranceIndex, String behavior, String ruleId, String matchedText) {
    }

    /**
     * @param resolved true when the latest signal is a confirmation, false when it is an unresolved signal,
     *                 null when there is none
     * @param signals  at most one per utterance and behaviour, in conversation order
     */
    public record Outcome(Boolean resolved, List<Signal> signals) {
    }

    public Outcome detect(Conversation c) {
        List<Utterance> ordered = new ArrayList<>(c.utterances());
        ordered.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
        List<Signal> signals = new ArrayList<>();
        Boolean resolved = null;
        boolean customerSpoke = false;
        boolean agentAnswered = false;
        for (Utterance u : ordered) {
            if (u.speaker() == Speaker.CUSTOMER) {
                customerSpoke = true;
            } else if ((u.speaker() == Speaker.AGENT || u.speaker() == Speaker.BOT) && customerSpoke) {
                agentAnswered = true;
            }
            if (!u.speaker().isParty() || u.text().isBlank()) {
                continue;
            }
            // The customer's opening statement, before the agent (or a bot) has answered it, describes the
            // problem; it cannot confirm or reopen an outcome.
            if (u.speaker() == Speaker.CUSTOMER && !agentAnswered) {
                continue;
            }
            List<RuleMatch> matches = signalsIn(u);
            for (RuleMatch m : matches) {
                if (signals.stream().noneMatch(s -> s.utteranceIndex() == u.index() && s.behavior().equals(m.behavior()))) {
                    signals.add(new Signal(u.index(), m.behavior(), m.ruleId(), m.text()));
                }
            }
            if (!matches.isEmpty()) {
                resolved = matches.get(matches.size() - 1).behavior().equals(CONFIRMED);
            }
        }
        return new Outcome(resolved, signals);
    }

    /**
     * The evidence rules that count for this speaker, in the order they appear in the utterance. Does not apply
     * the opening-statement rule of {@link #detect}, which needs the conversation.
     */
    public List<RuleMatch> signalsIn(Utterance u) {
        String speaker = u.speaker().code();
        List<RuleMatch> matches = new ArrayList<>();
        for (RuleMatch m : rules.match(NlpPipeline.sentences(u.text()))) {
            if (!m.behavior().equals(RuleMatch.NONE) && m.appliesTo(speaker)) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparingInt(RuleMatch::begin));
        return matches;
    }
}
