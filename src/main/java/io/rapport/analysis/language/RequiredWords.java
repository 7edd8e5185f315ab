package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.ComplexNodePattern;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.Pair;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a TokensRegex pattern cannot match without: a list of clauses, each a set of lower-case words or
 * lemmas of which a sentence must hold at least one. A sentence that misses a clause cannot match, so the rule is
 * not tried on it: TokensRegex's backtracking matcher otherwise attempts every rule at every token, and that was
 * most of the analysis time (docs/benchmarks.md).
 *
 * <p>The clauses are read from the compiled pattern (so rule-file variables are already expanded). Whatever this
 * class does not recognise (part-of-speech tests, negations, non-literal regular expressions, optional or
 * repeated-from-zero parts) adds no clause, so the filter only ever skips a rule that could not have matched.
 * CoreNLP keeps the pattern tree in non-public fields; reading them goes through reflection, and if a CoreNLP
 * version renames them the rule simply gets no clause (always tried), never a wrong one.
 */
final class RequiredWords {

    /** A literal alternative in a word regex: no regex syntax besides simple escapes of punctuation. */
    private static final Pattern LITERAL = Pattern.compile("(?:[^\\[\\]?.\\\\^$()*+{}|]|\\\\[.,!?;:'&$()\\-])*");
    /** Common words make weak clauses; a sequence keeps its rarer ones (all are kept, this only orders them). */
    private static final Set<String> COMMON = Set.of("i", "you", "we", "it", "the", "a", "to", "that", "is", "'s",
            "be", "and", "of", "do", "not", "n't", "have", "this", "your", "my", "me", "can", "will", "so", "on", "in",
            "for", "are", "was", "just", "what", "'m", "am", "'re", "'ll", "with", "there", "get", "at", "if", ",", ".");

    private RequiredWords() {
    }

    /** The clauses of one compiled pattern; empty when the pattern needs no particular word. */
    static List<Set<String>> of(SequencePattern<?> pattern) {
        List<Set<String>> sorted = new ArrayList<>(clauses(patternExpr(pattern)));
        sorted.sort(java.util.Comparator.comparingInt(RequiredWords::weakness));
        return List.copyOf(sorted);
    }

    /** The sentence's {@link #bag}, kept on it: every rule file is tested against the same sentence. */
    private static final class BagAnnotation implements CoreAnnotation<Set<String>> {
        @Override
        public Class<Set<String>> getType() {
            @SuppressWarnings("unchecked")
            Class<Set<String>> type = (Class<Set<String>>) (Class<?>) Set.class;
            return type;
        }
    }

    /** The bag of one sentence, computed on first use and kept on the sentence. */
    static Set<String> bagOf(CoreMap sentence) {
        Set<String> bag = sentence.get(BagAnnotation.class);
        if (bag == null) {
            bag = bag(sentence.get(CoreAnnotations.TokensAnnotation.class));
            sentence.set(BagAnnotation.class, bag);
        }
        return bag;
    }

    /** Every word and lemma of the sentence's tokens, lower-cased: what clauses are tested against. */
    static Set<String> bag(List<CoreLabel> tokens) {
        Set<String> bag = new HashSet<>(tokens.size() * 3);
        for (CoreLabel t : tokens) {
            String[] folded = foldedOf(t);
            bag.add(folded[0]);
            if (folded[1] != null) {
                bag.add(folded[1]);
            }
        }
        return bag;
    }

    /** A token's word and lemma (null when it has none), folded once and kept on the token. */
    private static final class FoldedAnnotation implements CoreAnnotation<String[]> {
        @Override
        public Class<String[]> getType() {
            return String[].class;
        }
    }

    private static String[] foldedOf(CoreMap token) {
        String[] folded = token.get(FoldedAnnotation.class);
        if (folded == null) {
            String lemma = token.get(CoreAnnotations.LemmaAnnotation.class);
            folded = new String[] {fold(token.get(CoreAnnotations.TextAnnotation.class)), lemma == null ? null : fold(lemma)};
            token.set(FoldedAnnotation.class, folded);
        }
        return folded;
    }

    /**
     * Where a match can start: at a token whose word or lemma is among {@code words}, at a token one of
     * {@code nodes} (first-token tests that are not word lists, e.g. a part-of-speech test) accepts, or, when
     * {@code atStart}, at the sentence's first token.
     */
    record Starts(Set<String> words, List<NodePattern<CoreMap>> nodes, boolean atStart) {
        boolean allows(List<? extends CoreMap> tokens, int i) {
            if (atStart && i == 0) {
                return true;
            }
            CoreMap token = tokens.get(i);
            String[] folded = foldedOf(token);
            if (words.contains(folded[0]) || (folded[1] != null && words.contains(folded[1]))) {
                return true;
            }
            for (NodePattern<CoreMap> node : nodes) {
                if (node.match(token)) {
                    return true;
                }
            }
            return false;
        }

        Starts or(Starts other) {
            Set<String> words = new HashSet<>(this.words);
            words.addAll(other.words);
            List<NodePattern<CoreMap>> nodes = new ArrayList<>(this.nodes);
            nodes.addAll(other.nodes);
            return new Starts(words, nodes, atStart || other.atStart);
        }

        /** How many tests a token may go through: the fewer, the better the anchor. */
        private int cost() {
            return words.size() + 100 * nodes.size();
        }
    }

    /**
     * Where a match of the pattern can start, or null when it can start at any token (its first token is not
     * limited to words this class recognises, or the pattern can begin with an optional part).
     */
    static Starts starts(SequencePattern<?> pattern) {
        return starts(patternExpr(pattern));
    }

    /**
     * What a group, a value expression or a part repeated at least once must match in whole; null for a part that may
     * match zero times (and for any other expression).
     */
    private static Object wholeInner(Object expr) {
        return switch (expr.getClass().getSimpleName()) {
            case "GroupPatternExpr" -> field(expr, "pattern");
            case "ValuePatternExpr" -> field(expr, "expr");
            case "RepeatPatternExpr" -> field(expr, "minMatch") instanceof Integer m && m > 0 ? field(expr, "pattern") : null;
            default -> null;
        };
    }

    /** A repeated part that may match zero times ("/really/?", "$INTENS{0,2}"). */
    private static boolean optional(Object expr) {
        return expr.getClass().getSimpleName().equals("RepeatPatternExpr") && field(expr, "minMatch") instanceof Integer m
                && m == 0;
    }

    /** Non-null only for an expression that matches at least one token or is anchored at the sentence start. */
    private static Starts starts(Object expr) {
        if (expr == null) {
            return null;
        }
        switch (expr.getClass().getSimpleName()) {
            case "NodePatternExpr": {
                Object node = field(expr, "nodePattern");
                Set<String> words = nodeWords(node);
                if (words != null) {
                    return new Starts(words, List.of(), false);
                }
                @SuppressWarnings("unchecked")
                Starts tested = node instanceof NodePattern<?> n && !(node instanceof NodePattern.AnyNodePattern<?>)
                        ? new Starts(Set.of(), List.of((NodePattern<CoreMap>) n), false) : null;
                return tested;
            }
            case "SequenceStartPatternExpr":
                return new Starts(Set.of(), List.of(), true);
            case "SequencePatternExpr": {
                // The first part that must match decides, together with the optional parts before it
                // ("/really/? /sorry/"); a part that can match nothing in another way leaves the start open.
                Starts union = null;
                for (Object part : list(field(expr, "patterns"))) {
                    Starts s = starts(part);
                    if (s == null && optional(part)) {
                        s = starts(field(part, "pattern"));
                        if (s == null) {
                            return null;
                        }
                        union = union == null ? s : union.or(s);
                        continue;
                    }
                    return s == null ? null : union == null ? s : union.or(s);
                }
                return null;
            }
            case "AndPatternExpr": {
                Starts best = null;
                for (Object child : list(field(expr, "patterns"))) {
                    Starts s = starts(child);
                    if (s != null && (best == null || s.cost() < best.cost())) {
                        best = s;
                    }
                }
                return best;
            }
            case "GroupPatternExpr":
            case "ValuePatternExpr":
            case "RepeatPatternExpr": {
                Object inner = wholeInner(expr);
                return inner == null ? null : starts(inner);
            }
            case "OrPatternExpr": {
                Starts union = null;
                for (Object child : list(field(expr, "patterns"))) {
                    Starts s = starts(child);
                    if (s == null) {
                        return null;
                    }
                    union = union == null ? s : union.or(s);
                }
                return union;
            }
            default:
                return null;
        }
    }

    /** Case folding applied to both sides, so that strings equal ignoring case fold to the same key. */
    static String fold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * The clauses of a rule file's rules, inverted: from each word to the clauses it meets. A sentence's bag is
     * walked once, instead of every rule's clauses being tested against it, which had made the filter a quarter of
     * rule matching (docs/benchmarks.md). A rule is a candidate when the bag shares a word with each of its clauses.
     */
    static final class Index {
        private final Map<String, int[]> clausesByWord = new HashMap<>();
        /** Per clause, the rule it belongs to. */
        private final int[] ruleOfClause;
        /** Per rule, how many clauses it has; a rule with none is always a candidate. */
        private final int[] clauseCount;

        Index(List<List<Set<String>>> rules) {
            Map<String, List<Integer>> byWord = new HashMap<>();
            List<Integer> owners = new ArrayList<>();
            clauseCount = new int[rules.size()];
            for (int r = 0; r < rules.size(); r++) {
                for (Set<String> clause : rules.get(r)) {
                    int c = owners.size();
                    owners.add(r);
                    clauseCount[r]++;
                    for (String w : clause) {
                        byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(c);
                    }
                }
            }
            ruleOfClause = owners.stream().mapToInt(Integer::intValue).toArray();
            byWord.forEach((w, cs) -> clausesByWord.put(w, cs.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** The rules whose every clause the bag meets. */
        BitSet candidates(Set<String> bag) {
            int[] met = new int[clauseCount.length];
            BitSet metClauses = new BitSet(ruleOfClause.length);
            for (String w : bag) {
                int[] cs = clausesByWord.get(w);
                if (cs != null) {
                    for (int c : cs) {
                        if (!metClauses.get(c)) {
                            metClauses.set(c);
                            met[ruleOfClause[c]]++;
                        }
                    }
                }
            }
            BitSet out = new BitSet(clauseCount.length);
            for (int r = 0; r < clauseCount.length; r++) {
                if (met[r] == clauseCount[r]) {
                    out.set(r);
                }
            }
            return out;
        }
    }

    /** The rarer of two clauses (null counts as no clause). */
    private static Set<String> rarer(Set<String> a, Set<String> b) {
        return a == null || (b != null && weakness(b) < weakness(a)) ? b : a;
    }

    private static int weakness(Set<String> clause) {
        int common = 0;
        for (String w : clause) {
            common += COMMON.contains(w) ? 1 : 0;
        }
        return common * 1000 + clause.size();
    }

    /** The clauses any match of {@code expr} meets (conjunctive: all of them). */
    private static List<Set<String>> clauses(Object expr) {
        if (expr == null) {
            return List.of();
        }
        String kind = expr.getClass().getSimpleName();
        switch (kind) {
            case "NodePatternExpr": {
                Set<String> words = nodeWords(field(expr, "nodePattern"));
                return words == null ? List.of() : List.of(words);
            }
            case "SequencePatternExpr":
            case "AndPatternExpr": {
                List<Set<String>> all = new ArrayList<>();
                for (Object child : list(field(expr, "patterns"))) {
                    all.addAll(clauses(child));
                }
                return all;
            }
            case "GroupPatternExpr":
            case "ValuePatternExpr":
            case "RepeatPatternExpr": {
                Object inner = wholeInner(expr);
                return inner == null ? List.of() : clauses(inner);
            }
            case "OrPatternExpr": {
                // Each branch must contribute one clause; their union is the Or's only clause.
                Set<String> union = new HashSet<>();
                for (Object child : list(field(expr, "patterns"))) {
                    List<Set<String>> branch = clauses(child);
                    if (branch.isEmpty()) {
                        return List.of();
                    }
                    union.addAll(branch.stream().reduce(null, RequiredWords::rarer));
                }
                return union.isEmpty() ? List.of() : List.of(union);
            }
            default:
                return List.of();
        }
    }

    /** The words one token must be among to meet the node pattern, or null when it is not limited to words. */
    @SuppressWarnings("rawtypes")
    private static Set<String> nodeWords(Object node) {
        if (node instanceof ComplexNodePattern<?, ?> complex) {
            Set<String> best = null;
            for (Pair<?, NodePattern> p : ((ComplexNodePattern<?, ?>) complex).getAnnotationPatterns()) {
                if (p.first() != CoreAnnotations.TextAnnotation.class && p.first() != CoreAnnotations.LemmaAnnotation.class) {
                    continue;
                }
                best = rarer(best, stringWords(p.second()));
            }
            return best;
        }
        if (node instanceof NodePattern.ConjNodePattern<?> || node instanceof NodePattern.DisjNodePattern<?>) {
            boolean conj = node instanceof NodePattern.ConjNodePattern<?>;
            Set<String> out = null;
            for (Object child : list(field(node, "nodePatterns"))) {
                Set<String> words = nodeWords(child);
                if (conj) {
                    out = rarer(out, words);
                } else {
                    if (words == null) {
                        return null;
                    }
                    out = out == null ? new HashSet<>() : out;
                    out.addAll(words);
                }
            }
            return out;
        }
        return null;
    }

    private static Set<String> stringWords(Object p) {
        if (p instanceof ComplexNodePattern.StringAnnotationPattern s) {
            return s.normalize() ? null : Set.of(fold(s.getString()));
        }
        if (p instanceof ComplexNodePattern.StringInSetAnnotationPattern s) {
            if (s.normalize()) {
                return null;
            }
            Set<String> out = new HashSet<>();
            for (Object t : list(field(s, "targets"))) {
                out.add(fold(t.toString()));
            }
            return out.isEmpty() ? null : out;
        }
        if (p instanceof ComplexNodePattern.StringAnnotationRegexPattern r) {
            return regexWords(r.getPattern().pattern());
        }
        return null;
    }

    /** {@code should|shoulda|'ve} gives its three words; anything with real regex syntax gives null. */
    static Set<String> regexWords(String regex) {
        String body = regex;
        while (body.startsWith("(") && body.endsWith(")") && body.indexOf('(', 1) < 0) {
            body = body.substring(1, body.length() - 1);
        }
        if (body.isEmpty()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (String alt : body.split("\\|", -1)) {
            if (alt.isEmpty() || !LITERAL.matcher(alt).matches()) {
                return null;
            }
            out.add(fold(alt.replace("\\", "")));
        }
        return out;
    }

    private static Collection<?> list(Object o) {
        return o instanceof Collection<?> c ? c : List.of();
    }

    private static Object field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The compiled pattern's expression tree (CoreNLP keeps its getter protected); null when it cannot be read. */
    static SequencePattern.PatternExpr patternExpr(SequencePattern<?> pattern) {
        try {
            Method m = SequencePattern.class.getDeclaredMethod("getPatternExpr");
            m.setAccessible(true);
            return (SequencePattern.PatternExpr) m.invoke(pattern);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
