package io.rapport.analysis.language;

/**
 * One phrase rule that fired on an utterance.
 *
 * @param behavior the behaviour the rule evidences, or {@code none} for a blocking rule (negations, history)
 * @param speakers who must have said it for it to count: {@code agent}, {@code customer} or {@code any}
 * @param ruleId   the rule's id in its rule file, reported on events so a verdict can be traced
 * @param text     the matched words
 * @param begin    character offset of the match in the utterance, to order matches within it
 * @param lastLemma the lemma of the match's last token (for action rules, the action: "refund" for "we've refunded")
 */
public record RuleMatch(String behavior, String speakers, String ruleId, String text, int begin, String lastLemma) {

    public static final String NONE = "none";
    public static final String ANY = "any";

    public boolean appliesTo(String speaker) {
        return applies(speakers, speaker);
    }

    /** Whether a rule for {@code speakers} ({@code agent}, {@code customer} or {@code any}) counts for {@code speaker}. */
    public static boolean applies(String speakers, String speaker) {
        return speakers.equals(ANY) || speakers.equals(speaker);
    }

    /** The same match read as evidence of another behaviour (a failure report counted as an unresolved signal). */
    public RuleMatch as(String otherBehavior) {
        return new RuleMatch(otherBehavior, speakers, ruleId, text, begin, lastLemma);
    }
}
