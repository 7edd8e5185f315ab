package io.rapport.analysis.language;

import edu.stanford.nlp.util.CoreMap;
import io.rapport.model.Conversation;
import io.rapport.model.Utterance;

import java.util.List;

/**
 * The CoreNLP sentences of one conversation's utterances, annotated on first use and kept for the other
 * detectors: tagging is the expensive step, so no utterance is tagged twice.
 */
public final class Annotations {

    private final Conversation conversation;
    private final List<CoreMap>[] sentences;

    @SuppressWarnings("unchecked")
    public Annotations(Conversation conversation) {
        this.conversation = conversation;
        this.sentences = new List[conversation.utterances().size()];
    }

    public List<CoreMap> sentences(Utterance u) {
        List<CoreMap> s = sentences[u.index()];
        if (s == null) {
            s = u.text().isBlank() ? List.of() : NlpPipeline.sentences(u.text());
            sentences[u.index()] = s;
        }
        return s;
    }

    public Conversation conversation() {
        return conversation;
    }
}
