package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The customer's sentiment at the start and at the end of a conversation (CoreNLP's shift-reduce parser and
 * recursive sentiment model). Parsing is the expensive part, so only what the calming measure compares is
 * scored: the customer's first and last third of substantive utterances, at most {@link #MAX_TURNS} of each, and
 * only sentences of at most {@link #MAX_SENTENCE_TOKENS} tokens. The shift-reduce parser scores about five times
 * as many sentences per second as the PCFG parser and gives the same sentiment class on 93% of customer
 * sentences (docs/benchmarks.md).
 */
public final class CustomerSentiment implements Serializable {

    public static final int MAX_TURNS = 3;
    public static final int MAX_SENTENCE_TOKENS = 40;
    private static final String PARSER_MODEL = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";

    /** Parse and sentiment over sentences the lexical pipeline already tokenised and tagged. */
    private static final ThreadLocal<StanfordCoreNLP> PIPELINE = ThreadLocal.withInitial(() -> {
        Properties p = new Properties();
        p.setProperty("annotators", "parse,sentiment");
        p.setProperty("enforceRequirements", "false");
        p.setProperty("parse.model", PARSER_MODEL);
        p.setProperty("parse.binaryTrees", "true");
        p.setProperty("parse.maxlen", String.valueOf(MAX_SENTENCE_TOKENS));
        return new StanfordCoreNLP(p);
    });

    /**
     * @param start  mean score of the opening utterances, -1 (very negative) to +1 (very positive)
     * @param end    mean score of the closing utterances
     * @param scores per scored utterance index, its score; the utterances the two means are over
     */
    public record Arc(Double start, Double end, Map<Integer, Double> scores) {

        public Double change() {
            return start == null || end == null ? null : end - start;
        }
    }

    /** Scores the opening and closing customer utterances; null means when fewer than two could be scored. */
    public Arc score(List<Utterance> ordered, boolean[] backchannel, Annotations a) {
        List<Utterance> candidates = new ArrayList<>();
        for (Utterance u : ordered) {
            if (u.speaker() == Speaker.CUSTOMER && !backchannel[u.index()] && !scorable(a.sentences(u)).isEmpty()) {
                candidates.add(u);
            }
        }
        int n = candidates.size();
        if (n < 2) {
            return new Arc(null, null, Map.of());
        }
        int k = Math.min(MAX_TURNS, (n + 2) / 3);
        Map<Integer, Double> scores = new LinkedHashMap<>();
        double start = mean(candidates.subList(0, k), a, scores);
        double end = mean(candidates.subList(n - k, n), a, scores);
        return new Arc(start, end, scores);
    }

    private static double mean(List<Utterance> utterances, Annotations a, Map<Integer, Double> scores) {
        double sum = 0;
        for (Utterance u : utterances) {
            double s = scoreOf(scorable(a.sentences(u)));
            scores.put(u.index(), s);
            sum += s;
        }
        return sum / utterances.size();
    }

    private static List<CoreMap> scorable(List<CoreMap> sentences) {
        return sentences.stream().filter(s -> {
            int n = NlpPipeline.tokens(s).size();
            return n >= 2 && n <= MAX_SENTENCE_TOKENS;
        }).toList();
    }

    /** Mean over the sentences of (class - 2) / 2, CoreNLP's five classes mapped onto -1..+1. */
    private static double scoreOf(List<CoreMap> sentences) {
        Annotation doc = new Annotation("");
        doc.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        StanfordCoreNLP pipeline = PIPELINE.get();
        long start = System.nanoTime();
        pipeline.annotate(doc);
        NlpTime.since(start);
        double sum = 0;
        for (CoreMap s : sentences) {
            Tree tree = s.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            sum += (RNNCoreAnnotations.getPredictedClass(tree) - 2) / 2.0;
        }
        return sum / sentences.size();
    }
}
