package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reflective listening: the agent restating or checking what the customer said. Two routes: an explicit frame
 * from {@code rules/reflective_listening.rules} ("so what you're saying is..."), or a restatement — an agent
 * utterance whose content words (noun, verb, adjective and number lemmas, light verbs left out) largely repeat
 * the customer's recent turns.
 */
public final class ReflectiveListeningDetector implements Serializable {

    /** Content lemmas an utterance must share with the customer's recent turns to count as a restatement. */
    public static final int MIN_SHARED = 3;
    /** ...and the share of the agent utterance's own content lemmas those must make up. */
    public static final double MIN_SHARE = 0.4;
    /** With an explicit check ("is that right?") fewer shared words suffice. */
    public static final int MIN_SHARED_WITH_CHECK = 2;
    /**
     * A "so ..." summary or "is that right?" check restates only when at least this share of its sentence's content
     * words (or the sentence before a bare check) come from the customer: "so your fob's active, but you're on the
     * off-peak plan" reuses a word or two of theirs, yet tells them something new.
     */
    public static final double MIN_CHECK_SHARE = 0.25;
    /** How many of the customer's latest substantive utterances a restatement may draw on. */
    public static final int CUSTOMER_TURNS = 3;

    private static final Set<String> LIGHT = Set.of("be", "have", "do", "get", "go", "say", "make", "know",
            "think", "want", "need", "see", "let", "can", "will", "would", "could", "should", "may", "might", "must",
            "thing", "lot", "way", "time", "okay", "ok", "yes", "yeah", "right", "sure", "just", "well", "help",
            "look", "check", "like", "please", "thank", "thanks", "sorry", "hi", "hello", "um", "uh", "mm", "one",
            "bit", "able", "good", "great", "fine", "mean", "tell", "give", "take", "come", "put", "keep", "sound",
            "understand", "call", "try", "'s", "'re", "'ve", "'m", "'ll", "'d", "n't", "hmm", "oh", "bye",
            "today", "now", "still", "also", "really", "actually", "happen", "dear", "regards", "kind");

    public static final String FRAME = "frame";
    public static final String CHECK = "check";
    public static final String RESTATEMENT = "restatement";

    private final PhraseDetector frames;

    public ReflectiveListeningDetector(PhraseDetector frames) {
        this.frames = frames;
    }

    /** A reflective statement's kind and the rule that found it. */
    public record Found(String kind, String ruleId) {
    }

    /** Whether agent utterance {@code u} is reflective, given the conversation's utterances in time order. */
    public Found detect(Utterance u, List<Utterance> ordered, int position, boolean[] backchannel, Annotations a) {
        List<RuleMatch> matches = frames.matches(u, a);
        for (RuleMatch m : matches) {
            if (m.behavior().equals(FRAME)) {
                return new Found(FRAME, frames.behavior() + "." + m.ruleId());
            }
        }
        Set<String> customer = new HashSet<>();
        int turns = 0;
        for (int i = position - 1; i >= 0 && turns < CUSTOMER_TURNS; i--) {
            Utterance p = ordered.get(i);
            if (p.speaker() == Speaker.CUSTOMER && !backchannel[p.index()]) {
                customer.addAll(contentLemmas(a.sentences(p)));
                turns++;
            }
        }
        List<CoreMap> sentences = a.sentences(u);
        Set<String> shared = contentLemmas(sentences);
        shared.retainAll(customer);
        if (shared.size() >= MIN_SHARED_WITH_CHECK) {
            for (RuleMatch m : matches) {
                if (m.behavior().equals(CHECK) && restates(sentences, m.begin(), customer)) {
                    return new Found(CHECK, frames.behavior() + "." + m.ruleId());
                }
            }
        }
        // A restatement is one sentence that mostly repeats the customer: judged per sentence, so that an
        // email's restating sentence counts even when its other sentences answer.
        for (CoreMap s : sentences) {
            List<CoreMap> one = List.of(s);
            Set<String> own = contentLemmas(one);
            Set<String> repeated = new HashSet<>(own);
            repeated.retainAll(customer);
            // Read-backs ("nine one two two", "Flat 3, 27 Alder Road") share only numbers and names: they verify.
            Set<String> common = contentLemmas(one, true);
            long words = repeated.stream().filter(common::contains).count();
            if (words >= MIN_SHARED_WITH_CHECK && repeated.size() >= MIN_SHARED && repeated.size() >= MIN_SHARE * own.size()
                    && !reportsOwnAction(one) && !thanksFor(s)) {
                return new Found(RESTATEMENT, frames.behavior() + ".content_overlap_min" + MIN_SHARED);
            }
        }
        return null;
    }

    /** Whether the sentence holding character {@code offset}, or the one before it, mostly repeats the customer. */
    private static boolean restates(List<CoreMap> sentences, int offset, Set<String> customer) {
        int i = NlpPipeline.sentenceHolding(sentences, offset);
        return i >= 0 && (share(sentences.get(i), customer) >= MIN_CHECK_SHARE
                || (i > 0 && share(sentences.get(i - 1), customer) >= MIN_CHECK_SHARE));
    }

    private static double share(CoreMap sentence, Set<String> customer) {
        Set<String> own = contentLemmas(List.of(sentence));
        if (own.isEmpty()) {
            return 0;
        }
        long repeated = own.stream().filter(customer::contains).count();
        return (double) repeated / own.size();
    }

    /**
     * "I've refunded the £12", "we'll send a new one": the agent speaking of their own action answers the customer,
     * even when it reuses the customer's words; it is not a restatement.
     */
    static boolean reportsOwnAction(List<CoreMap> sentences) {
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = NlpPipeline.tokens(s);
            for (int i = 0; i < tokens.size(); i++) {
                String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
                if (w.matches("ill|ive|weve|well")) {
                    return true;
                }
                if ((w.equals("i") || w.equals("we")) && i + 1 < tokens.size()
                        && tokens.get(i + 1).word().toLowerCase(Locale.ROOT).matches("'ve|'ll|will|have|can|'m|am|'re|are|'d|would")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "Thank you for your email about the renewal of policy RMC-300418": thanking the customer for their message
     * names its subject to acknowledge it, not to check that the agent understood it.
     */
    static boolean thanksFor(CoreMap sentence) {
        // Within the sentence's first words, so that a greeting the splitter kept with it ("Dear Mr Okafor, Thank
        // you for...") does not hide it.
        List<CoreLabel> tokens = NlpPipeline.tokens(sentence);
        for (int i = 0; i < Math.min(tokens.size(), 6); i++) {
            if (tokens.get(i).word().toLowerCase(Locale.ROOT).matches("thank|thanks")) {
                for (int j = i + 1; j < Math.min(tokens.size(), i + 4); j++) {
                    if (tokens.get(j).word().equalsIgnoreCase("for")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Set<String> contentLemmas(List<CoreMap> sentences) {
        return contentLemmas(sentences, false);
    }

    /** @param commonOnly leave out numbers and proper nouns */
    static Set<String> contentLemmas(List<CoreMap> sentences, boolean commonOnly) {
        Set<String> out = new HashSet<>();
        for (CoreMap s : sentences) {
            for (CoreLabel t : NlpPipeline.tokens(s)) {
                String tag = t.tag();
                if (tag == null || !(tag.startsWith("NN") || tag.startsWith("VB") || tag.startsWith("JJ") || tag.equals("CD"))) {
                    continue;
                }
                if (commonOnly && (tag.equals("CD") || tag.startsWith("NNP") || t.word().matches(".*\\d.*"))) {
                    continue;
                }
                String lemma = (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
                if (lemma.length() > 1 && !LIGHT.contains(lemma)) {
                    out.add(lemma);
                }
            }
        }
        return out;
    }
}
