package io.rapport.resolution;

import edu.stanford.nlp.util.CoreMap;
import io.rapport.analysis.BehaviorEvent;
import io.rapport.analysis.language.Annotations;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.analysis.language.NlpPipeline;
import io.rapport.analysis.language.PhraseRules;
import io.rapport.analysis.language.RuleMatch;
import io.rapport.analysis.language.UtteranceModel;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    /** Context behaviours of the rule file: they count only together, across turns (see the rule file). */
    static final String CHECK_QUESTION = "check_question";
    static final String AFFIRMS = "affirms";
    static final String DENIES = "denies";

    /**
     * A confirmation rule's match is dropped when the utterance model finds a confirmation this unlikely: the words
     * look like a result ("it's working", "sorted"), but the utterance narrates a step, recalls history or answers
     * something else. A false confirmation makes an open issue look resolved, the costlier error for the resolution
     * rate. Unresolved signals are never vetoed: there the model's doubts cost more recall than they save precision
     * (docs/metrics.md).
     */
    static final double CONFIRMATION_VETO = 0.03;
    /** An answer to a check question this short ("yes", "yep, all good") is exempt from the veto. */
    static final int BARE_ANSWER_WORDS = 3;

    /**
     * The rule file's behaviour for a report that something does not work. It is an unresolved signal only after the
     * agent (or a bot) has put forward a step or a fix in this conversation: before that it describes the problem
     * ("it spins and then says something went wrong, I've tried four or five times"), however far into the
     * conversation it comes.
     */
    static final String FAILURE_REPORT = "failure_report";
    static final String SOLUTION = "solution_offered";
    /**
     * The agent gave a step time to run ("it can take up to a minute"): until the agent speaks again, the customer's
     * failure reports narrate the step within that time ("still spinning") and are not unresolved signals.
     */
    static final String WAIT_GIVEN = "wait_given";
    /**
     * A step the rule file recognises: one the agent reports as taken ("I've reset your line") or asks the customer to
     * take ("try PEACH15", "could you try that one?"). Like a step the model reads, it opens the gate.
     */
    static final String STEP = "step";

    private final PhraseRules rules;
    private final UtteranceModel model;

    public ResolutionDetector(PhraseRules rules, UtteranceModel model) {
        this.rules = rules;
        this.model = model;
    }

    public static ResolutionDetector load(Optional<String> rulesDir) {
        return load(rulesDir, UtteranceModel.load(rulesDir));
    }

    public static ResolutionDetector load(Optional<String> rulesDir, UtteranceModel model) {
        return new ResolutionDetector(PhraseRules.load(RULE_FILE, rulesDir), model);
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
        return detect(new Annotations(c));
    }

    public Outcome detect(Annotations a) {
        Conversation c = a.conversation();
        List<Utterance> ordered = new ArrayList<>(c.utterances());
        ordered.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
        List<Signal> signals = new ArrayList<>();
        Boolean resolved = null;
        boolean customerSpoke = false;
        boolean agentAnswered = false;
        boolean checkPending = false;
        boolean attempted = false;
        boolean waiting = false;
        Set<String> agentRules = new HashSet<>(); // the rules already behind an agent's signal
        for (int pos = 0; pos < ordered.size(); pos++) {
            Utterance u = ordered.get(pos);
            boolean company = u.speaker() == Speaker.AGENT || u.speaker() == Speaker.BOT;
            if (u.speaker() == Speaker.CUSTOMER) {
                customerSpoke = true;
            } else if (company && customerSpoke) {
                agentAnswered = true;
            }
            if (u.text().isBlank() || !(u.speaker().isParty() || company)) {
                continue;
            }
            // The customer's opening statement, before the agent (or a bot) has answered it, describes the
            // problem; it cannot confirm or reopen an outcome.
            if (u.speaker() == Speaker.CUSTOMER && !agentAnswered) {
                continue;
            }
            List<RuleMatch> all = matchesIn(u, a.sentences(u));
            if (company) {
                checkPending = all.stream().anyMatch(m -> m.behavior().equals(CHECK_QUESTION));
                waiting = all.stream().anyMatch(m -> m.behavior().equals(WAIT_GIVEN));
                attempted |= checkPending || all.stream().anyMatch(m -> m.behavior().equals(STEP))
                        || model.adds(a.probabilities(model, ordered, pos), SOLUTION);
                if (u.speaker() == Speaker.BOT) {
                    continue;
                }
            }
            boolean customer = u.speaker() == Speaker.CUSTOMER;
            List<RuleMatch> matches = evidence(all, customer && attempted && !waiting);
            boolean answersCheck = false;
            if (customer) {
                if (matches.isEmpty() && checkPending) {
                    matches = answerToCheck(all);
                    answersCheck = !matches.isEmpty();
                }
                checkPending = false;
            }
            double[] p = a.probabilities(model, ordered, pos);
            // A bare "yes" to "did that answer your question?" has no words of its own for the model to doubt; a
            // longer answer has, and stays subject to the veto.
            boolean vetoable = !answersCheck || u.wordCount() > BARE_ANSWER_WORDS;
            matches = withModel(u, matches.stream().filter(m -> !vetoable || !m.behavior().equals(CONFIRMED)
                    || model.probability(p, CONFIRMED) >= CONFIRMATION_VETO).toList(), p);
            if (u.speaker() == Speaker.AGENT) {
                // "I'll ring you on the mobile ending 408" after the callback was promised restates it: one hand-off.
                matches = matches.stream().filter(m -> m.ruleId().equals(LanguageDetectors.MODEL)
                        || !agentRules.contains(m.ruleId())).toList();
            }
            for (RuleMatch m : matches) {
                if (signals.stream().noneMatch(s -> s.utteranceIndex() == u.index() && s.behavior().equals(m.behavior()))) {
                    signals.add(new Signal(u.index(), m.behavior(), m.ruleId(), m.text()));
                    if (u.speaker() == Speaker.AGENT) {
                        agentRules.add(m.ruleId());
                    }
                }
            }
            if (!matches.isEmpty()) {
                resolved = matches.get(matches.size() - 1).behavior().equals(CONFIRMED);
            }
        }
        return new Outcome(resolved, signals);
    }

    /**
     * The rule evidence, after any signal the model alone reports where no rule gave that behaviour (a
     * confirmation only from the customer): when rules fired, the last of them still decides.
     */
    private List<RuleMatch> withModel(Utterance u, List<RuleMatch> kept, double[] p) {
        List<RuleMatch> out = new ArrayList<>();
        for (String behavior : List.of(CONFIRMED, UNRESOLVED)) {
            boolean applies = behavior.equals(UNRESOLVED) || u.speaker() == Speaker.CUSTOMER;
            if (applies && kept.stream().noneMatch(m -> m.behavior().equals(behavior)) && model.adds(p, behavior)) {
                out.add(new RuleMatch(behavior, u.speaker().code(), LanguageDetectors.MODEL, BehaviorEvent.excerpt(u.text()), 0, ""));
            }
        }
        if (out.size() == 2 && model.probability(p, CONFIRMED) > model.probability(p, UNRESOLVED)) {
            out = List.of(out.get(1), out.get(0)); // the likelier one last, where it decides the verdict
        }
        out = new ArrayList<>(out);
        out.addAll(kept);
        return out;
    }

    /**
     * The evidence rules that count for this speaker, in the order they appear in the utterance, failure reports
     * included. Does not apply the opening-statement, step-first or check-question rules of {@link #detect}, which
     * need the conversation.
     */
    public List<RuleMatch> signalsIn(Utterance u) {
        return evidence(matchesIn(u, NlpPipeline.sentences(u.text())), true);
    }

    /** Every non-blocking rule that fired for this speaker (bots count as the company, like agents), in order. */
    private List<RuleMatch> matchesIn(Utterance u, List<CoreMap> sentences) {
        return rules.evidence(sentences, u.speaker() == Speaker.BOT ? Speaker.AGENT.code() : u.speaker().code());
    }

    /** The evidence among the matches, failure reports as unresolved signals when they count. */
    private static List<RuleMatch> evidence(List<RuleMatch> matches, boolean failureReportsCount) {
        List<RuleMatch> out = new ArrayList<>();
        for (RuleMatch m : matches) {
            if (m.behavior().equals(CONFIRMED) || m.behavior().equals(UNRESOLVED)) {
                out.add(m);
            } else if (failureReportsCount && m.behavior().equals(FAILURE_REPORT)) {
                out.add(m.as(UNRESOLVED));
            }
        }
        return out;
    }

    /** "Is it working now?" - "Yes." The answer's opening decides, as the rule file's affirms/denies rules say. */
    private static List<RuleMatch> answerToCheck(List<RuleMatch> matches) {
        for (RuleMatch m : matches) {
            if (m.behavior().equals(AFFIRMS) || m.behavior().equals(DENIES)) {
                return List.of(m.as(m.behavior().equals(AFFIRMS) ? CONFIRMED : UNRESOLVED));
            }
        }
        return List.of();
    }
}
