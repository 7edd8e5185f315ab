package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Speech-recognition text (lower case, no punctuation) is split and tagged like written text. */
class NlpPipelineTest {

    /** One customer turn as a recogniser returns it: 88 tokens, no capital, no punctuation. */
    static final String ASR_TURN = "yeah hi um i've been trying to get this sorted for about three weeks now and "
            + "every time i ring up somebody tells me it's been fixed and then the next day the internet drops out "
            + "again so i'm working from home and i've lost two client calls this week because of it and honestly "
            + "i'm really fed up because nobody seems to know what's going on and i just want someone to actually "
            + "come out and look at the line because i don't think it's my router i've already swapped it once";

    @Test
    void aRunOnTurnIsCutIntoPiecesBeforeDiscourseWords() {
        List<CoreMap> sentences = NlpPipeline.sentences(ASR_TURN);
        List<CoreLabel> all = new ArrayList<>();
        assertTrue(sentences.size() >= 3, "pieces: " + sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            CoreMap s = sentences.get(i);
            List<CoreLabel> tokens = NlpPipeline.tokens(s);
            assertTrue(tokens.size() <= LongSentenceSplitter.MAX_TOKENS, tokens.size() + " tokens");
            assertEquals(i, s.get(CoreAnnotations.SentenceIndexAnnotation.class));
            int begin = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            assertEquals(ASR_TURN.substring(begin, end), s.get(CoreAnnotations.TextAnnotation.class));
            assertEquals(1, tokens.get(0).index());
            if (i > 0) {
                assertTrue(LongSentenceSplitter.CUT_BEFORE.contains(tokens.get(0).word()),
                        "piece " + i + " opens with " + tokens.get(0).word());
            }
            all.addAll(tokens);
        }
        // nothing lost or repeated, in order
        assertEquals(String.join(" ", ASR_TURN.split(" ")).replace("i've", "i 've").replace("it's", "it 's")
                        .replace("i'm", "i 'm").replace("what's", "what 's").replace("don't", "do n't"),
                String.join(" ", all.stream().map(CoreLabel::word).toList()));
    }

    @Test
    void aPieceIsCutAtTheLimitWhenNoDiscourseWordFollowsTheMinimum() {
        String words = String.join(" ", java.util.Collections.nCopies(95, "word"));
        List<CoreMap> sentences = NlpPipeline.sentences(words);
        assertEquals(List.of(40, 40, 15), sentences.stream().map(s -> NlpPipeline.tokens(s).size()).toList());
    }

    @Test
    void sentencesWithinTheLimitAreLeftAsCoreNlpSplitThem() {
        List<CoreMap> sentences = NlpPipeline.sentences("I'm so sorry about that. Let me check your account now, okay?");
        assertEquals(2, sentences.size());
        assertEquals(List.of("Let", "me", "check", "your", "account", "now", ",", "okay", "?"),
                NlpPipeline.tokens(sentences.get(1)).stream().map(CoreLabel::word).toList());
    }

    @Test
    void lowerCaseTextIsTaggedByTheCaselessTagger() {
        assertTrue(NlpPipeline.isCaseless("i want to cancel my visa card"));
        assertFalse(NlpPipeline.isCaseless("I want to cancel my Visa card"));
        assertFalse(NlpPipeline.isCaseless("12345 ..."));
        List<CoreLabel> tokens = NlpPipeline.tokens(NlpPipeline.sentences("i want to cancel my visa card").get(0));
        assertEquals(List.of("PRP", "VBP", "TO", "VB", "PRP$", "NN", "NN"), tokens.stream().map(CoreLabel::tag).toList());
        assertEquals("want", tokens.get(1).lemma());
    }
}
