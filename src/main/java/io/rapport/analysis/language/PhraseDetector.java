package io.rapport.analysis.language;

import io.rapport.model.Utterance;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One behaviour recognised by the phrases of one rule file ({@code rules/<behavior>.rules}). Each rule's result
 * is {@code "kind:speakers:rule_id"}: the kind becomes the event's detail (e.g. empathy's {@code apology}),
 * {@code none} marks a blocking rule. Each behaviour has its own file so that rules of different behaviours
 * never compete for the same words.
 */
public final class PhraseDetector implements Serializable {

    private final String behavior;
    private final PhraseRules rules;

    public PhraseDetector(String behavior, PhraseRules rules) {
        this.behavior = behavior;
        this.rules = rules;
    }

    public static PhraseDetector load(String behavior, Optional<String> rulesDir) {
        return new PhraseDetector(behavior, PhraseRules.load(behavior + ".rules", rulesDir));
    }

    public String behavior() {
        return behavior;
    }

    /** The non-blocking rules that fired on the utterance for its speaker, in text order. */
    public List<RuleMatch> matches(Utterance u, Annotations a) {
        return findings(u, a).evidence();
    }

    /** The rules' findings on the utterance for its speaker: evidence, and whether a blocking rule fired. */
    public PhraseRules.Findings findings(Utterance u, Annotations a) {
        if (!u.speaker().isParty() || u.text().isBlank()) {
            return new PhraseRules.Findings(List.of(), false);
        }
        return rules.findings(a.sentences(u), u.speaker().code());
    }

}
