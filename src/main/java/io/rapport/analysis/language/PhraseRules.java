package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import edu.stanford.nlp.util.CoreMap;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CoreNLP TokensRegex rule file (under {@code src/main/resources/rules/}, or the same name in a
 * {@code --rules} folder). Each extraction rule's {@code result} is a string
 * {@code "behavior:speakers:rule_id"}; rules whose behavior is {@code none} block other rules over the same
 * words (TokensRegex keeps the higher-priority of overlapping matches), which is how negated or historical
 * forms are excluded without code. Only the rules that apply to the speaker (their {@code speakers} is the speaker
 * or {@code any}) compete for an utterance: an agent-only rule does not swallow a customer's words by overlapping
 * them. The file's text travels with this object to Spark executors; the compiled extractor is built once per
 * thread there.
 */
public final class PhraseRules implements Serializable {

    /**
     * A rule action that tags tokens. Without one, no extraction leaves tags on a sentence, and CoreNLP's walk
     * over the whole sentence to remove them after every extraction (a few per cent of the analysis) is skipped.
     */
    private static final java.util.regex.Pattern TAG_ACTION = java.util.regex.Pattern.compile("\\bTag\\s*\\(");
    /**
     * A rule with an action: anchoring rebuilds rules without one (AnchoredTokenPattern), so such files are not
     * anchored. The key, not a result string that begins with the word ("action:agent:i_can_do").
     */
    private static final java.util.regex.Pattern ACTION_KEY = java.util.regex.Pattern.compile("(?<![\"\\w])action\\s*:");

    private final String name;
    private final String ruleText;
    private final boolean anchored;
    private transient volatile ThreadLocal<CompiledRules> compiled;

    public PhraseRules(String name, String ruleText) {
        this(name, ruleText, !ACTION_KEY.matcher(ruleText).find());
    }

    /** @param anchored try each rule only where its first token can match (false: at every token, as CoreNLP does) */
    PhraseRules(String name, String ruleText, boolean anchored) {
        this.name = name;
        this.ruleText = ruleText;
        this.anchored = anchored;
        compile(); // fail at start-up, on the driver, when a rule file does not parse
    }

    /** {@code rulesDir/fileName} when that file exists, else the shipped rule file. */
    public static PhraseRules load(String fileName, Optional<String> rulesDir) {
        RuleFiles.Source source = RuleFiles.read(fileName, rulesDir);
        return new PhraseRules(source.name(), source.text());
    }

    public String name() {
        return name;
    }

    /** Whether each rule is tried only where its match can start (see {@link #PhraseRules(String, String, boolean)}). */
    boolean anchored() {
        return anchored;
    }

    private CompiledRules compile() {
        Env env = TokenSequencePattern.getNewEnv();
        env.setDefaultStringPatternFlags(java.util.regex.Pattern.CASE_INSENSITIVE);
        try {
            // The public entry point reports syntax errors as exceptions; once it has accepted the text, the
            // parser is asked again for the rule list, to match subsets of it.
            CoreMapExpressionExtractor.createExtractorFromString(env, ruleText);
            return new CompiledRules(env, new TokenSequenceParser(new StringReader(ruleText)).RuleList(env),
                    !TAG_ACTION.matcher(ruleText).find(), anchored);
        } catch (Exception e) {
            throw new IllegalArgumentException("rule file " + name + " does not parse: " + e.getMessage(), e);
        }
    }

    /** Called for every utterance, so the lock is taken only while the (deserialised) object has no rules yet. */
    private CompiledRules compiled() {
        ThreadLocal<CompiledRules> perThread = compiled;
        if (perThread == null) {
            synchronized (this) {
                if (compiled == null) {
                    compiled = ThreadLocal.withInitial(this::compile);
                }
                perThread = compiled;
            }
        }
        return perThread.get();
    }

    /**
     * One thread's compiled rules. A sentence is matched only against the rules whose required words
     * ({@link RequiredWords}) it holds, by an extractor over just those rules (built once per distinct set and
     * kept): a rule that cannot match adds no candidate, so the result, overlaps resolved by priority, is the
     * same as the whole file's. Each rule is tried only at the tokens where its match can start
     * ({@link AnchoredTokenPattern}).
     */
    private static final class CompiledRules {
        private static final int MAX_CACHED = 4096;

        private final Env env;
        private final boolean keepTags;
        private final List<SequenceMatchRules.AnnotationExtractRule<?, ?>> rules = new ArrayList<>();
        /** The rules' required words ({@link RequiredWords}), to pick the rules a sentence can match. */
        private final RequiredWords.Index index;
        /** Per rule, the speakers its result names ({@code any} when it cannot be read before a match). */
        private final List<String> speakers = new ArrayList<>();
        private final CoreMapExpressionExtractor<MatchedExpression> all;
        private final Map<BitSet, CoreMapExpressionExtractor<MatchedExpression>> bySubset = new HashMap<>();

        @SuppressWarnings({"unchecked", "rawtypes"})
        CompiledRules(Env env, List<SequenceMatchRules.Rule> parsed, boolean keepTags, boolean anchored) {
            this.env = env;
            this.keepTags = keepTags;
            List<List<Set<String>>> required = new ArrayList<>();
            for (SequenceMatchRules.Rule r : parsed) {
                if (r instanceof SequenceMatchRules.AnnotationExtractRule<?, ?> aer) {
                    rules.add(aer);
                    required.add(aer.pattern instanceof TokenSequencePattern p ? RequiredWords.of(p) : List.of());
                    speakers.add(speakersOf(aer, env));
                    if (anchored) {
                        AnchoredTokenPattern.anchor(aer, env);
                    }
                }
            }
            this.index = new RequiredWords.Index(required);
            this.all = extractor(new ArrayList<>(rules));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private CoreMapExpressionExtractor<MatchedExpression> extractor(List<? extends SequenceMatchRules.Rule> chosen) {
            CoreMapExpressionExtractor e = new CoreMapExpressionExtractor(env, (List<SequenceMatchRules.Rule>) chosen);
            return keepTags ? e.keepTemporaryTags() : e;
        }

        private static String speakersOf(SequenceMatchRules.AnnotationExtractRule<?, ?> rule, Env env) {
            try {
                Object value = rule.result == null ? null : rule.result.evaluate(env).get();
                String[] parts = value instanceof String s ? s.split(":") : new String[0];
                return parts.length == 3 ? parts[1] : RuleMatch.ANY;
            } catch (RuntimeException e) {
                return RuleMatch.ANY; // a computed result: the rule competes for every speaker, as before
            }
        }

        /** @param speaker a speaker code, or null for every rule */
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<MatchedExpression> extract(CoreMap sentence, String speaker) {
            BitSet subset = index.candidates(RequiredWords.bagOf(sentence));
            if (speaker != null) {
                for (int i = subset.nextSetBit(0); i >= 0; i = subset.nextSetBit(i + 1)) {
                    if (!RuleMatch.applies(speakers.get(i), speaker)) {
                        subset.clear(i);
                    }
                }
            }
            if (subset.isEmpty()) {
                return List.of();
            }
            if (subset.cardinality() == rules.size()) {
                return all.extractExpressions(sentence);
            }
            CoreMapExpressionExtractor<MatchedExpression> e = bySubset.get(subset);
            if (e == null) {
                if (bySubset.size() >= MAX_CACHED) {
                    bySubset.clear();
                }
                List<SequenceMatchRules.Rule> chosen = new ArrayList<>();
                subset.stream().forEach(i -> chosen.add(rules.get(i)));
                e = extractor(chosen);
                bySubset.put(subset, e);
            }
            return e.extractExpressions(sentence);
        }
    }

    /**
     * What the rules found for one speaker: the non-blocking rules that fired and apply to {@code speaker}, in
     * text order, and whether a blocking rule fired (a phrasing the rule file says is not the behaviour).
     */
    public record Findings(List<RuleMatch> evidence, boolean blocked) {
    }

    /** The findings for one speaker (a speaker code, e.g. {@code agent}). */
    public Findings findings(List<CoreMap> sentences, String speaker) {
        List<RuleMatch> out = new ArrayList<>();
        boolean blocked = false;
        for (RuleMatch m : match(sentences, speaker)) {
            if (m.appliesTo(speaker)) {
                if (m.behavior().equals(RuleMatch.NONE)) {
                    blocked = true;
                } else {
                    out.add(m);
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(RuleMatch::begin));
        return new Findings(out, blocked);
    }

    /** The evidence of {@link #findings}: the non-blocking rules that fired for {@code speaker}, in text order. */
    public List<RuleMatch> evidence(List<CoreMap> sentences, String speaker) {
        return findings(sentences, speaker).evidence();
    }

    /** The rules that fired on the utterance's sentences, blocking rules included, every speaker's rules competing. */
    public List<RuleMatch> match(List<CoreMap> sentences) {
        return match(sentences, null);
    }

    /** The rules for {@code speaker} (null: every rule) that fired on the sentences, blocking rules included. */
    private List<RuleMatch> match(List<CoreMap> sentences, String speaker) {
        List<RuleMatch> out = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            for (MatchedExpression m : compiled().extract(sentence, speaker)) {
                Object value = m.getValue() == null ? null : m.getValue().get();
                if (!(value instanceof String s) || s.split(":").length != 3) {
                    throw new IllegalStateException("rule in " + name + " matching '" + m.getText()
                            + "' has result " + value + "; expected \"behavior:speakers:rule_id\"");
                }
                String[] parts = s.split(":");
                List<CoreLabel> tokens = m.getAnnotation().get(CoreAnnotations.TokensAnnotation.class);
                CoreLabel last = tokens == null || tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
                String lemma = last == null ? "" : (last.lemma() == null ? last.word() : last.lemma()).toLowerCase(java.util.Locale.ROOT);
                out.add(new RuleMatch(parts[0], parts[1], parts[2], m.getText(), m.getCharOffsets().first(), lemma));
            }
        }
        return out;
    }
}
