package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts run-on sentences: speech recognition often returns a whole turn with no punctuation, which CoreNLP's
 * splitter leaves as one "sentence" of a hundred tokens or more. Such a sentence is cut into pieces of at most
 * {@link #MAX_TOKENS} tokens, each cut placed before the discourse word ("and", "so", "but", "okay", ...) nearest
 * the limit, or at the limit when there is none, so that each piece can be tagged and parsed like a written
 * sentence. Sentences within the limit are returned as they are.
 */
public final class LongSentenceSplitter {

    public static final int MAX_TOKENS = 40;
    /** A cut before one of these words closes a piece of at least this many tokens. */
    static final int MIN_PIECE = 8;
    static final Set<String> CUT_BEFORE = Set.of("and", "so", "but", "because", "cause", "then", "okay", "ok", "yeah",
            "well", "um", "uh", "anyway", "actually", "alright", "also");

    private LongSentenceSplitter() {
    }

    public static List<CoreMap> split(List<CoreMap> sentences) {
        boolean any = false;
        for (CoreMap s : sentences) {
            any |= NlpPipeline.tokens(s).size() > MAX_TOKENS;
        }
        if (!any) {
            return sentences;
        }
        List<CoreMap> out = new ArrayList<>();
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = NlpPipeline.tokens(s);
            if (tokens.size() <= MAX_TOKENS) {
                out.add(renumbered(s, out.size()));
                continue;
            }
            String text = s.get(CoreAnnotations.TextAnnotation.class);
            int sentenceBegin = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            Integer tokenBegin = s.get(CoreAnnotations.TokenBeginAnnotation.class);
            int from = 0;
            while (from < tokens.size()) {
                int to = cut(tokens, from);
                out.add(piece(tokens.subList(from, to), text, sentenceBegin,
                        tokenBegin == null ? null : tokenBegin + from, out.size()));
                from = to;
            }
        }
        return out;
    }

    /** The end (exclusive) of the piece starting at {@code from}. */
    static int cut(List<CoreLabel> tokens, int from) {
        int limit = from + MAX_TOKENS;
        if (limit >= tokens.size()) {
            return tokens.size();
        }
        for (int i = limit; i >= from + MIN_PIECE; i--) {
            if (CUT_BEFORE.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return limit;
    }

    private static CoreMap piece(List<CoreLabel> tokens, String sentenceText, int sentenceBegin, Integer tokenBegin,
                                 int index) {
        int begin = tokens.get(0).beginPosition();
        int end = tokens.get(tokens.size() - 1).endPosition();
        Annotation piece = new Annotation(sentenceText.substring(begin - sentenceBegin, end - sentenceBegin));
        piece.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
        piece.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
        piece.set(CoreAnnotations.TokensAnnotation.class, new ArrayList<>(tokens));
        if (tokenBegin != null) {
            piece.set(CoreAnnotations.TokenBeginAnnotation.class, tokenBegin);
            piece.set(CoreAnnotations.TokenEndAnnotation.class, tokenBegin + tokens.size());
        }
        return renumbered(piece, index);
    }

    private static CoreMap renumbered(CoreMap sentence, int index) {
        sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, index);
        int i = 1;
        for (CoreLabel t : NlpPipeline.tokens(sentence)) {
            t.setIndex(i++);
            t.setSentIndex(index);
        }
        return sentence;
    }
}
