package io.rapport.analysis.language;

import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import io.rapport.model.Utterance;
import io.rapport.quality.GoldSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule files matched through the required-word filter, each rule tried only where its match can start, give exactly
 * what CoreNLP's extractor over the whole file gives, on every utterance of every gold set; and the filter reads the
 * words a pattern needs and the tokens its match can start at correctly.
 */
class PhraseRulesTest {

    static final Path RULES = Path.of("src/main/resources/rules");
    static final Path GOLD = Path.of("src/test/resources/gold");

    /** The files are compared side by side, one per core: CoreNLP's pipelines and the compiled rules are per thread. */
    @Test
    void filteredMatchingEqualsTheWholeFileOnEveryGoldUtterance() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLD)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (GoldSet.Item item : GoldSet.read(f).items()) {
                    for (Utterance u : item.conversation().utterances()) {
                        texts.add(u.text());
                    }
                }
            }
        }
        List<List<CoreMap>> sentences = texts.parallelStream().map(NlpPipeline::sentences).toList();
        assertTrue(sentences.size() > 4000, "gold utterances read: " + sentences.size());
        List<Path> ruleFiles;
        try (Stream<Path> files = Files.list(RULES)) {
            ruleFiles = files.filter(p -> p.toString().endsWith(".rules")).sorted().toList();
        }
        assertEquals(7, ruleFiles.size());
        ruleFiles.parallelStream().forEach(file -> assertSameMatches(file, sentences));
    }

    static void assertSameMatches(Path file, List<List<CoreMap>> sentences) {
        String text;
        CoreMapExpressionExtractor<MatchedExpression> whole;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            whole = wholeFile(text);
        } catch (Exception e) {
            throw new IllegalStateException(file + " does not load", e);
        }
        PhraseRules rules = new PhraseRules(file.toString(), text);
        int matches = 0;
        for (List<CoreMap> utterance : sentences) {
            List<String> expected = new ArrayList<>();
            for (CoreMap s : utterance) {
                for (MatchedExpression m : whole.extractExpressions(s)) {
                    expected.add(m.getValue().get() + "@" + m.getCharOffsets().first() + ":" + m.getText());
                }
            }
            List<String> actual = rules.match(utterance).stream()
                    .map(m -> m.behavior() + ":" + m.speakers() + ":" + m.ruleId() + "@" + m.begin() + ":" + m.text())
                    .toList();
            assertEquals(expected, actual, file + " on " + utterance);
            matches += expected.size();
        }
        assertTrue(matches > 50, file + " matched only " + matches + " times: the comparison says little");
    }

    /** Only an action key turns anchoring off; a result string that begins with the word "action" does not. */
    @Test
    void anchorsEveryFileWhoseRulesHaveNoAction() {
        assertTrue(new PhraseRules("results.rules",
                "{ ruleType: \"tokens\", pattern: ( /we/ /can/ ), result: \"action:agent:we_can\" }").anchored());
        assertFalse(new PhraseRules("actions.rules", "{ ruleType: \"tokens\", pattern: ( /we/ /can/ ), "
                + "action: ( Annotate($0, ner, \"OFFER\") ), result: \"offer:agent:we_can\" }").anchored());
    }

    @Test
    void onlyTheSpeakersRulesCompeteForItsWords() {
        // The agent's longer "... every ten seconds" (a wait) overlaps the customer's "back to beeping" (a failure).
        PhraseRules rules = new PhraseRules("speakers.rules", """
                { ruleType: "tokens", priority: 1, pattern: ( /back/ /to/ /beeping/ ), result: "failure:customer:beeping_again" }
                { ruleType: "tokens", priority: 1, pattern: ( /'s/ []{0,4} /every/ /ten/ /seconds/ ), result: "wait:agent:wait_given" }
                """);
        List<CoreMap> said = NlpPipeline.sentences("it's back to beeping every ten seconds");
        assertEquals(List.of("beeping_again"), rules.evidence(said, "customer").stream().map(RuleMatch::ruleId).toList());
        assertEquals(List.of("wait_given"), rules.evidence(said, "agent").stream().map(RuleMatch::ruleId).toList());
        // Every rule at once, as CoreNLP's extractor over the whole file: the longer match wins.
        assertEquals(List.of("wait_given"), rules.match(said).stream().map(RuleMatch::ruleId).toList());
    }

    private static CoreMapExpressionExtractor<MatchedExpression> wholeFile(String text) throws Exception {
        @SuppressWarnings("unchecked")
        CoreMapExpressionExtractor<MatchedExpression> e = CoreMapExpressionExtractor.createExtractorFromString(env(), text);
        return e;
    }

    /** The environment rule files are compiled in: word patterns ignore case. */
    private static Env env() {
        Env env = TokenSequencePattern.getNewEnv();
        env.setDefaultStringPatternFlags(java.util.regex.Pattern.CASE_INSENSITIVE);
        return env;
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            // one literal word, a sequence keeps every literal position
            "/calm/ /down/ => [calm], [down]",
            // alternatives of one token; optional and from-zero parts add nothing
            "/you/ /should|shoulda/ /to/? /really/{0,2} /check/ => [check], [should, shoulda], [you]",
            // a lemma test is a word test; a part-of-speech test is not
            "[{lemma:/miss|skip/}] [{tag:VB}] => [miss, skip]",
            "[{tag:VBN} & {lemma:/read|check/}] => [check, read]",
            // an Or gives one clause (each branch's rarest) only when every branch has one
            "/take/ /it/ | /leave/ /it/ => [leave, take]",
            "/take/ /it/ | [{tag:VB}] /now/ => [now, take]",
            "/take/ /it/ | [{tag:VB}] => ",
            // non-literal regular expressions and negations are not word tests
            "/[0-9]+/ /times/ => [times]",
            "[!{lemma:/be/}] /sorry/ => [sorry]",
            // escaped punctuation is literal
            "/\\.|,|!/ => [!, ,, .]",
    })
    void readsTheWordsAPatternNeeds(String pattern, String expected) {
        List<Set<String>> clauses = RequiredWords.of(TokenSequencePattern.compile(env(), pattern));
        List<String> shown = clauses.stream().map(c -> new TreeSet<>(c).toString()).sorted().toList();
        assertEquals(expected == null ? "" : expected, String.join(", ", shown));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "/so/ /you/ /said/ => [so]",
            // optional parts before the first required one widen the starts
            "/really|so/? /sorry/ => [really, so, sorry]",
            "[{lemma:/miss|skip/}] /it/ => [miss, skip]",
            // a first token that is not a word list is tested as CoreNLP would test it
            "[{tag:VB}] /it/ => [] + 1 token test",
            "/take/ /it/ | [{tag:VB}] /now/ => [take] + 1 token test",
            "^ /yes/ => [] at the sentence start",
            // a match that can begin with any token can start anywhere
            "[]{0,3} /sorry/ => anywhere",
            "/take/ /it/ | []{0,2} /now/ => anywhere",
            "/very/* /sorry/ => [sorry, very]",
    })
    void readsWhereAMatchCanStart(String pattern, String expected) {
        RequiredWords.Starts starts = RequiredWords.starts(TokenSequencePattern.compile(env(), pattern));
        String shown = starts == null ? "anywhere" : new TreeSet<>(starts.words())
                + (starts.nodes().isEmpty() ? "" : " + " + starts.nodes().size() + " token test")
                + (starts.atStart() ? " at the sentence start" : "");
        assertEquals(expected, shown);
    }

    @Test
    void theIndexPicksExactlyTheRulesWhoseEveryClauseTheSentenceMeets() {
        List<List<Set<String>>> rules = List.of(
                List.of(Set.of("terms", "conditions"), Set.of("you")),
                List.of(), // no clause: always tried
                List.of(Set.of("agree")),
                List.of(Set.of("you", "we"), Set.of("you")), // one word meets two of its clauses
                List.of(Set.of("refund"), Set.of("sorry")));
        RequiredWords.Index index = new RequiredWords.Index(rules);
        Map<String, BitSet> expected = Map.of(
                "You agreed to the TERMS.", BitSet.valueOf(new long[] {0b01111}),
                "You agreed to it.", BitSet.valueOf(new long[] {0b01110}),
                "Sorry, no refund.", BitSet.valueOf(new long[] {0b10010}),
                "Hello there.", BitSet.valueOf(new long[] {0b00010}));
        expected.forEach((text, rulesMet) -> {
            Set<String> bag = RequiredWords.bag(NlpPipeline.tokens(NlpPipeline.sentences(text).get(0)));
            assertEquals(rulesMet, index.candidates(bag), text);
            for (int r = 0; r < rules.size(); r++) {
                assertEquals(meetsEveryClause(rules.get(r), bag), rulesMet.get(r), text + ", rule " + r);
            }
        });
    }

    /** The filter's definition, written out plainly: the bag shares a word with every clause. */
    private static boolean meetsEveryClause(List<Set<String>> clauses, Set<String> bag) {
        return clauses.stream().allMatch(clause -> clause.stream().anyMatch(bag::contains));
    }

    private static boolean tried(List<Set<String>> clauses, String sentence) {
        return new RequiredWords.Index(List.of(clauses)).candidates(RequiredWords.bag(NlpPipeline.tokens(
                NlpPipeline.sentences(sentence).get(0)))).get(0);
    }

    @Test
    void aSentenceMissingAClauseIsNotTried() {
        List<Set<String>> clauses = List.of(Set.of("terms", "conditions"), Set.of("you"));
        assertTrue(tried(clauses, "You agreed to the TERMS."));
        assertFalse(tried(clauses, "You agreed to it."));
        // the lemma counts too: "conditioned" is not "conditions", but "agreed" meets "agree"
        assertTrue(tried(List.of(Set.of("agree")), "You agreed to it."));
        assertNull(RequiredWords.regexWords("[0-9]+|three"));
        assertEquals(Set.of("i", "we"), RequiredWords.regexWords("(i|we)"));
    }
}
