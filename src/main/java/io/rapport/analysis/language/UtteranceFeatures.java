package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the {@link UtteranceModel} reads of an utterance: its words and word pairs and triples (lower case,
 * digits as {@code 0}, so "£12" and "£15" are one feature), word pairs a few words apart, its lemmas and lemma
 * pairs, the words of the utterance before it (an answer
 * to "does that fix it?" means what it answers), where it falls in the conversation (fifths), and who speaks.
 * Training and the nightly job call this same method, so the model sees exactly the features it learnt from.
 */
public final class UtteranceFeatures {

    /** Present in every utterance: the model's intercept. */
    public static final String BIAS = "bias";
    /** The prefix of the lemma features. */
    public static final String LEMMA = "l:";
    /** The prefix of the features that come from the utterance before. */
    public static final String PREVIOUS = "p:";
    static final int POSITION_BUCKETS = 5;

    private UtteranceFeatures() {
    }

    /** The features of utterance {@code pos} of a conversation's utterances in time order. */
    public static Set<String> of(Annotations a, List<Utterance> ordered, int pos) {
        List<CoreMap> previous = List.of();
        for (int i = pos - 1; i >= 0; i--) {
            if (ordered.get(i).speaker().isParty()) {
                previous = a.sentences(ordered.get(i));
                break;
            }
        }
        Utterance u = ordered.get(pos);
        return of(a.sentences(u), previous, ordered.size() == 1 ? 0 : (double) pos / (ordered.size() - 1), u.speaker());
    }

    /**
     * @param sentences the utterance's CoreNLP sentences
     * @param previous  the sentences of the agent or customer utterance just before it, empty for the first
     * @param position  the utterance's place in the conversation, 0 (first) to 1 (last)
     */
    public static Set<String> of(List<CoreMap> sentences, List<CoreMap> previous, double position, Speaker speaker) {
        Set<String> f = new HashSet<>();
        f.add(BIAS);
        List<String> words = new ArrayList<>();
        words.add("<s>");
        words.addAll(words(sentences));
        words.add("</s>");
        for (int i = 0; i < words.size(); i++) {
            f.add("w:" + words.get(i));
            if (i + 1 < words.size()) {
                f.add("w:" + words.get(i) + "_" + words.get(i + 1));
            }
            if (i + 2 < words.size()) {
                f.add("w:" + words.get(i) + "_" + words.get(i + 1) + "_" + words.get(i + 2));
            }
        }
        // Word pairs with one to three words between ("you ... wrong", "sorry ... happened"): phrasings the gold
        // sets did not show word for word.
        for (int i = 0; i < words.size(); i++) {
            for (int j = i + 2; j < Math.min(words.size(), i + 5); j++) {
                f.add("k:" + words.get(i) + ".." + words.get(j));
            }
        }
        // Lemmas and lemma pairs: "refunded", "refunding" and "refunds" are one feature, so a form no training
        // set used still counts. Which labels read them is the trainer's choice (UtteranceModelTrainer.Target).
        List<String> lemmas = lemmas(sentences);
        for (int i = 0; i < lemmas.size(); i++) {
            f.add(LEMMA + lemmas.get(i));
            if (i + 1 < lemmas.size()) {
                f.add(LEMMA + lemmas.get(i) + "_" + lemmas.get(i + 1));
            }
        }
        for (String w : words(previous)) {
            f.add(PREVIOUS + w);
        }
        f.add("pos:" + Math.min(POSITION_BUCKETS - 1, (int) (position * POSITION_BUCKETS)));
        f.add("spk:" + speaker.code());
        return f;
    }

    /** The lemmas of the tokens that carry words or numbers, lower case, digits as {@code 0}. */
    private static List<String> lemmas(List<CoreMap> sentences) {
        List<String> out = new ArrayList<>();
        for (CoreMap s : sentences) {
            for (CoreLabel t : NlpPipeline.tokens(s)) {
                String w = t.word().toLowerCase(Locale.ROOT);
                if (hasLetterOrDigit(w)) {
                    out.add(digitsAsZero(t.lemma() == null ? w : t.lemma().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return out;
    }

    /** The tokens that carry words, numbers or a question or exclamation mark; other punctuation varies by writer. */
    private static List<String> words(List<CoreMap> sentences) {
        List<String> out = new ArrayList<>();
        for (CoreMap s : sentences) {
            for (CoreLabel t : NlpPipeline.tokens(s)) {
                String w = t.word().toLowerCase(Locale.ROOT);
                if (w.equals("?") || w.equals("!") || hasLetterOrDigit(w)) {
                    out.add(digitsAsZero(w));
                }
            }
        }
        return out;
    }

    // Plain loops rather than String.replaceAll and streams: this runs for every token of every utterance.
    private static boolean hasLetterOrDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** ASCII digits as {@code 0}, so "£12" and "£15" are one feature. */
    private static String digitsAsZero(String w) {
        char[] c = null;
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch >= '1' && ch <= '9') {
                if (c == null) {
                    c = w.toCharArray();
                }
                c[i] = '0';
            }
        }
        return c == null ? w : new String(c);
    }
}
