package io.rapport.analysis.language;

import edu.stanford.nlp.util.CoreMap;
import io.rapport.model.Conversation;
import io.rapport.model.Utterance;

import java.util.Arrays;
import java.util.List;

/**
 * The CoreNLP sentences of one conversation's utterances, annotated on first use and kept for the other
 * detectors: tagging is the expensive step, so no utterance is tagged twice.
 */
public final class Annotations {

    private final Conversation conversation;
    private final List<CoreMap>[] sentences;
    private final double[][] probabilities;
    private UtteranceModel scoredBy;

    @SuppressWarnings("unchecked")
    public Annotations(Conversation conversation) {
        this.conversation = conversation;
        this.sentences = new List[conversation.utterances().size()];
        this.probabilities = new double[conversation.utterances().size()][];
    }

    public List<CoreMap> sentences(Utterance u) {
        List<CoreMap> s = sentences[u.index()];
        if (s == null) {
            s = u.text().isBlank() ? List.of() : NlpPipeline.sentences(u.text());
            sentences[u.index()] = s;
        }
        return s;
    }

    /**
     * The utterance model's probabilities for utterance {@code pos} of the conversation's utterances in time order,
     * computed once: the language and resolution detectors both ask.
     */
    public double[] probabilities(UtteranceModel model, List<Utterance> ordered, int pos) {
        if (model != scoredBy) {
            Arrays.fill(probabilities, null);
            scoredBy = model;
        }
        Utterance u = ordered.get(pos);
        double[] p = probabilities[u.index()];
        if (p == null) {
            p = model.probabilities(UtteranceFeatures.of(this, ordered, pos));
            probabilities[u.index()] = p;
        }
        return p;
    }

    public Conversation conversation() {
        return conversation;
    }
}
