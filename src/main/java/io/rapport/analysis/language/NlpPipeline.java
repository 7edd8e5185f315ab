package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

import java.util.List;
import java.util.Properties;

/**
 * The lexical CoreNLP pipeline (tokenize, ssplit, pos, lemma). Built lazily once per thread: the first build
 * loads the tagger model (seconds), later builds reuse CoreNLP's annotator cache (milliseconds), and no
 * annotator state is shared between Spark tasks running in parallel.
 */
public final class NlpPipeline {

    private static final ThreadLocal<StanfordCoreNLP> PIPELINE = ThreadLocal.withInitial(() -> {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
        p.setProperty("tokenize.language", "en");
        // Transcripts are informal; keep contractions split the standard way ("n't") for the rules.
        p.setProperty("tokenize.options", "invertible=false,ptb3Escaping=false");
        return new StanfordCoreNLP(p);
    });

    private NlpPipeline() {
    }

    /** The sentences of one utterance, each with its tokens' text, part of speech and lemma. */
    public static List<CoreMap> sentences(String text) {
        Annotation a = new Annotation(text);
        PIPELINE.get().annotate(a);
        return a.get(CoreAnnotations.SentencesAnnotation.class);
    }

    public static List<CoreLabel> tokens(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TokensAnnotation.class);
    }
}
