package io.rapport.analysis.language;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import edu.stanford.nlp.ling.tokensregex.SequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;

import java.util.List;

/**
 * A rule's TokensRegex pattern that is tried only at the tokens where a match can start
 * ({@link RequiredWords#starts}). CoreNLP's matcher sets up its backtracking state afresh at every token of the
 * sentence for every rule, and that set-up was most of the rule-matching time (docs/benchmarks.md). A start this
 * skips is one where the pattern's first token cannot match, so the matches, and everything CoreNLP does with them
 * (priorities, overlaps, results), are the same.
 */
final class AnchoredTokenPattern extends TokenSequencePattern {

    private final RequiredWords.Starts starts;

    private AnchoredTokenPattern(TokenSequencePattern original, SequencePattern.PatternExpr expr,
                                 RequiredWords.Starts starts) {
        super(original.pattern(), expr, original.getAction());
        this.starts = starts;
    }

    /**
     * Rebuilds a token rule around an anchored copy of its pattern, through CoreNLP's own rule builder so the rule
     * extracts exactly as before; leaves the rule as it is when its matches can start anywhere or its pattern cannot
     * be read.
     */
    static void anchor(SequenceMatchRules.AnnotationExtractRule<?, ?> rule, Env env) {
        if (!"tokens".equals(rule.ruleType) || !(rule.pattern instanceof TokenSequencePattern original)) {
            return;
        }
        RequiredWords.Starts starts = RequiredWords.starts(original);
        SequencePattern.PatternExpr expr = RequiredWords.patternExpr(original);
        if (starts != null && expr != null) {
            RuleBuilder.rebuild(rule, env, new AnchoredTokenPattern(original, expr, starts));
        }
    }

    /** CoreNLP's token-rule builder, whose rebuilding step is open to subclasses only. */
    private static final class RuleBuilder extends SequenceMatchRules.TokenPatternExtractRuleCreator {
        @SuppressWarnings({"unchecked", "rawtypes"})
        static void rebuild(SequenceMatchRules.AnnotationExtractRule rule, Env env, TokenSequencePattern pattern) {
            // No action: rule files with actions are not anchored (PhraseRules), so there is none to carry over.
            updateExtractRule(rule, env, pattern, null, rule.result);
        }
    }

    @Override
    public TokenSequenceMatcher getMatcher(List<? extends CoreMap> tokens) {
        return new StartMatcher(this, tokens, starts);
    }

    /** Finds non-overlapping matches as CoreNLP's matcher does, trying only the allowed starts. */
    private static final class StartMatcher extends TokenSequenceMatcher {
        private final RequiredWords.Starts starts;
        private int next;

        StartMatcher(SequencePattern<CoreMap> pattern, List<? extends CoreMap> tokens, RequiredWords.Starts starts) {
            super(pattern, tokens);
            this.starts = starts;
        }

        @Override
        public boolean find() {
            if (getFindType() != SequenceMatcher.FindType.FIND_NONOVERLAPPING) {
                return super.find();
            }
            List<? extends CoreMap> tokens = elements();
            for (int i = Math.max(next, regionStart()); next >= 0 && i < regionEnd(); i++) {
                if (starts.allows(tokens, i) && find(i, true)) {
                    next = Math.max(end(), i + 1);
                    return true;
                }
            }
            next = -1;
            return false;
        }

        @Override
        public void reset() {
            super.reset();
            next = 0;
        }
    }
}
