package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

import java.util.List;
import java.util.Properties;

/**
 * The lexical CoreNLP pipeline (tokenize, ssplit, pos, lemma), in two steps so that speech-recognition text is
 * handled like written text: after sentence splitting, {@link LongSentenceSplitter} cuts run-on sentences of
 * unpunctuated transcripts, and an utterance with no capital letter is tagged by CoreNLP's caseless tagger (the
 * standard tagger reads "i" or "visa" in lower case as foreign words and nouns). Each step is built lazily once
 * per thread: the first build loads the models (seconds), later builds reuse CoreNLP's annotator cache
 * (milliseconds), and no annotator state is shared between Spark tasks running in parallel.
 */
public final class NlpPipeline {

    private static final String TAGGER = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    private static final String CASELESS_TAGGER = "edu/stanford/nlp/models/pos-tagger/english-caseless-left3words-distsim.tagger";

    private static final ThreadLocal<StanfordCoreNLP> SPLIT = ThreadLocal.withInitial(() -> {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        p.setProperty("tokenize.language", "en");
        // Transcripts are informal; keep contractions split the standard way ("n't") for the rules.
        p.setProperty("tokenize.options", "invertible=false,ptb3Escaping=false");
        return new StanfordCoreNLP(p);
    });
    private static final ThreadLocal<StanfordCoreNLP> TAG = ThreadLocal.withInitial(() -> tagging(TAGGER));
    private static final ThreadLocal<StanfordCoreNLP> TAG_CASELESS = ThreadLocal.withInitial(() -> tagging(CASELESS_TAGGER));

    private NlpPipeline() {
    }

    private static StanfordCoreNLP tagging(String model) {
        Properties p = new Properties();
        p.setProperty("annotators", "pos,lemma");
        p.setProperty("enforceRequirements", "false");
        p.setProperty("pos.model", model);
        return new StanfordCoreNLP(p);
    }

    /** The sentences of one utterance, each with its tokens' text, part of speech and lemma. */
    public static List<CoreMap> sentences(String text) {
        StanfordCoreNLP split = SPLIT.get();
        StanfordCoreNLP tag = (isCaseless(text) ? TAG_CASELESS : TAG).get();
        // Timed after the pipelines are fetched: a thread's first fetch loads the models, which is start-up.
        long start = System.nanoTime();
        try {
            Annotation a = new Annotation(text);
            split.annotate(a);
            a.set(CoreAnnotations.SentencesAnnotation.class,
                    LongSentenceSplitter.split(a.get(CoreAnnotations.SentencesAnnotation.class)));
            tag.annotate(a);
            return a.get(CoreAnnotations.SentencesAnnotation.class);
        } finally {
            NlpTime.since(start);
        }
    }

    /** Letters, and none of them upper case: lower-cased speech recognition output (or a lower-case chat). */
    static boolean isCaseless(String text) {
        boolean letters = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    public static List<CoreLabel> tokens(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TokensAnnotation.class);
    }

    /** The index of the sentence holding character {@code offset} (the last one to begin at or before it); -1 for none. */
    public static int sentenceHolding(List<CoreMap> sentences, int offset) {
        int holding = -1;
        for (int i = 0; i < sentences.size(); i++) {
            if (begin(sentences.get(i)) <= offset) {
                holding = i;
            }
        }
        return holding;
    }

    public static int begin(CoreMap sentence) {
        return sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
    }
}
