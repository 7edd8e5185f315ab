package io.rapport.analysis.language;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import io.rapport.analysis.BehaviorEvent;
import io.rapport.model.Conversation;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's language behaviours (empathy, reflective listening, blame, solutions, recap), the customer's
 * complaint language, the agent's collaborative pronouns and questions, and optionally the customer's
 * sentiment, found in one pass over a conversation's tagged utterances.
 */
public final class LanguageDetectors implements Serializable {

    public static final String EMPATHY = "empathy";
    public static final String REFLECTIVE = "reflective_listening";
    public static final String BLAME = "blame";
    public static final String SOLUTION = "solution_offered";
    public static final String RECAP = "recap";
    public static final String COMPLAINT = "complaint";
    /** The text behaviours with a rule file and a gold-set label, in reporting order. */
    public static final List<String> BEHAVIORS = List.of(EMPATHY, REFLECTIVE, BLAME, SOLUTION, RECAP, COMPLAINT);
    public static final List<String> EMPATHY_KINDS = List.of("feeling", "apology", "validation", "support");
    /** The detail and rule id of an event the {@link UtteranceModel} found where no rule fired. */
    public static final String MODEL = "model";

    /** A scored customer utterance at or below this (CoreNLP "negative" or "very negative") asks for empathy. */
    public static final double NEGATIVE = -0.5;
    /**
     * The answer to a request for empathy may come in the agent's next two turns: agents often have to verify the
     * customer ("can I take your postcode?") before they can say anything else, and an apology after that still
     * answers the complaint.
     */
    public static final int RESPONSE_TURNS = 2;

    /** A recap must lie in the last 30 % of the conversation's agent and customer utterances. */
    public static final double RECAP_FROM = 0.7;

    private static final Set<String> WE = Set.of("we", "us", "our", "ours", "ourselves");
    private static final Set<String> YOU = Set.of("you", "your", "yours", "yourself", "yourselves", "u", "ur");
    private static final Set<String> QUESTION_OPENERS = Set.of("what", "when", "where", "why", "how", "which", "who",
            "whose", "can", "could", "would", "will", "do", "does", "did", "is", "are", "was", "were", "have", "has",
            "shall", "should", "may");
    private static final java.util.regex.Pattern DISCOURSE_MARKER =
            java.util.regex.Pattern.compile("so|and|ok|okay|right|um|uh|,|alright");

    private final PhraseDetector empathy;
    private final PhraseDetector blame;
    private final PhraseDetector solutions;
    private final PhraseDetector recap;
    private final PhraseDetector complaint;
    private final ReflectiveListeningDetector reflective;
    private final CustomerSentiment sentiment;
    private final UtteranceModel model;

    public LanguageDetectors(Optional<String> rulesDir, boolean sentimentOn, UtteranceModel model) {
        this.empathy = PhraseDetector.load(EMPATHY, rulesDir);
        this.blame = PhraseDetector.load(BLAME, rulesDir);
        this.solutions = PhraseDetector.load(SOLUTION, rulesDir);
        this.recap = PhraseDetector.load(RECAP, rulesDir);
        this.complaint = PhraseDetector.load(COMPLAINT, rulesDir);
        this.reflective = new ReflectiveListeningDetector(PhraseDetector.load(REFLECTIVE, rulesDir));
        this.sentiment = sentimentOn ? new CustomerSentiment() : null;
        this.model = model;
    }

    public LanguageFindings analyze(Annotations a, boolean[] backchannel) {
        Conversation c = a.conversation();
        List<Utterance> ordered = new ArrayList<>(c.utterances());
        ordered.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
        int parties = (int) ordered.stream().filter(u -> u.speaker().isParty()).count();
        List<BehaviorEvent> events = new ArrayList<>();
        Set<String> options = new HashSet<>();
        int we = 0;
        int you = 0;
        int questions = 0;
        int partyRank = 0;
        for (int pos = 0; pos < ordered.size(); pos++) {
            Utterance u = ordered.get(pos);
            if (!u.speaker().isParty()) {
                continue;
            }
            boolean closing = partyRank++ >= Math.floor(RECAP_FROM * parties);
            if (u.text().isBlank() || backchannel[u.index()]) {
                continue;
            }
            double[] p = a.probabilities(model, ordered, pos);
            if (u.speaker() == Speaker.CUSTOMER) {
                perKind(c, u, complaint, a, events, p);
                continue;
            }
            perKind(c, u, empathy, a, events, p);
            perKind(c, u, blame, a, events, p);
            // A recap summarises what was done: from the sentence where it starts, the actions it lists are not
            // new solutions, and its overlap with the customer's words is not a restatement.
            List<RuleMatch> recaps = closing ? perKind(c, u, recap, a, events, p) : List.of();
            boolean recapped = closing && events.stream().anyMatch(e -> e.utteranceIndex() == u.index() && e.behavior().equals(RECAP));
            int recapFrom = recaps.isEmpty() ? (recapped ? 0 : Integer.MAX_VALUE) : sentenceStart(a.sentences(u), recaps.get(0).begin());
            List<RuleMatch> offered = solutions.matches(u, a);
            for (RuleMatch m : offered) {
                if (m.begin() < recapFrom) {
                    // The same action offered again is one option; each alternative or instruction is its own.
                    options.add(m.behavior().equals("action") ? m.lastLemma() : u.index() + ":" + m.begin());
                    addOnce(events, BehaviorEvent.of(c, u, SOLUTION, m.behavior(), solutions.behavior() + "." + m.ruleId()));
                }
            }
            // Not vetoed by the solution file's blocking rules: they mark a phrase ("we can't offer a refund"),
            // and the utterance may offer something in other words (held-out solutions recall 0.889 -> 0.865 with
            // the veto).
            if (offered.isEmpty() && !recapped && model.adds(p, SOLUTION)) {
                options.add(u.index() + ":" + MODEL);
                events.add(BehaviorEvent.of(c, u, SOLUTION, MODEL, SOLUTION + "." + MODEL));
            }
            ReflectiveListeningDetector.Found r = null;
            if (!recapped) {
                r = reflective.detect(u, ordered, pos, backchannel, a);
                if (r != null && r.kind().equals(ReflectiveListeningDetector.RESTATEMENT) && !model.confirms(p, REFLECTIVE)) {
                    r = null;
                } else if (r == null && model.adds(p, REFLECTIVE)) {
                    r = new ReflectiveListeningDetector.Found(MODEL, REFLECTIVE + "." + MODEL);
                }
            }
            if (r != null) {
                events.add(BehaviorEvent.of(c, u, REFLECTIVE, r.kind(), r.ruleId()));
            }
            for (CoreMap s : a.sentences(u)) {
                List<CoreLabel> tokens = NlpPipeline.tokens(s);
                for (int i = 0; i < tokens.size(); i++) {
                    String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
                    if (WE.contains(w) || (w.equals("'s") && i > 0 && tokens.get(i - 1).word().equalsIgnoreCase("let"))) {
                        we++;
                    } else if (YOU.contains(w)) {
                        you++;
                    }
                }
                questions += isQuestion(tokens) ? 1 : 0;
            }
        }
        CustomerSentiment.Arc arc = sentiment == null ? null : sentiment.score(ordered, backchannel, a);
        int[] empathy = empathyResponses(ordered, backchannel, events, arc);
        return new LanguageFindings(List.copyOf(events), options.size(), we, you, questions, arc, empathy[0], empathy[1]);
    }

    /**
     * {customer utterances asking for empathy — complaint language, or a scored sentiment at or below
     * {@link #NEGATIVE} — and of those, the ones followed by an agent empathy statement before the customer's
     * {@link #RESPONSE_TURNS}th non-backchannel utterance after it}.
     */
    private static int[] empathyResponses(List<Utterance> ordered, boolean[] backchannel, List<BehaviorEvent> events,
                                          CustomerSentiment.Arc arc) {
        Set<Integer> complaints = new HashSet<>();
        Set<Integer> empathic = new HashSet<>();
        for (BehaviorEvent e : events) {
            if (e.behavior().equals(COMPLAINT)) {
                complaints.add(e.utteranceIndex());
            } else if (e.behavior().equals(EMPATHY)) {
                empathic.add(e.utteranceIndex());
            }
        }
        Map<Integer, Double> scores = arc == null ? Map.of() : arc.scores();
        int asked = 0;
        int answered = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Utterance u = ordered.get(i);
            Double score = scores.get(u.index());
            if (u.speaker() != Speaker.CUSTOMER
                    || (!complaints.contains(u.index()) && (score == null || score > NEGATIVE))) {
                continue;
            }
            asked++;
            int customerTurns = 0;
            for (int j = i + 1; j < ordered.size(); j++) {
                Utterance next = ordered.get(j);
                if (next.speaker() == Speaker.CUSTOMER && !backchannel[next.index()]
                        && ++customerTurns >= RESPONSE_TURNS) {
                    break;
                }
                if (next.speaker() == Speaker.AGENT && empathic.contains(next.index())) {
                    answered++;
                    break;
                }
            }
        }
        return new int[] {asked, answered};
    }

    /** Character offset where the sentence holding {@code offset} begins. */
    private static int sentenceStart(List<CoreMap> sentences, int offset) {
        int i = NlpPipeline.sentenceHolding(sentences, offset);
        return i < 0 ? 0 : NlpPipeline.begin(sentences.get(i));
    }

    /** Adds the event unless one of the same behaviour and kind is already on the utterance. */
    private static void addOnce(List<BehaviorEvent> events, BehaviorEvent e) {
        if (events.stream().noneMatch(x -> x.utteranceIndex() == e.utteranceIndex() && x.behavior().equals(e.behavior())
                && x.detail().equals(e.detail()))) {
            events.add(e);
        }
    }

    /**
     * One event per rule kind that fired on the utterance; when no rule fired, one event if the model alone
     * reports the behaviour and no blocking rule fired: a blocking rule is the rule file's word that a phrasing is
     * not the behaviour ("you should have received a text" is the company's failure, not blame), and the model,
     * which reads words without that knowledge, must not overrule it. Returns the rule matches.
     */
    private List<RuleMatch> perKind(Conversation c, Utterance u, PhraseDetector d, Annotations a,
                                    List<BehaviorEvent> events, double[] p) {
        PhraseRules.Findings found = d.findings(u, a);
        List<RuleMatch> matches = found.evidence();
        for (RuleMatch m : matches) {
            addOnce(events, BehaviorEvent.of(c, u, d.behavior(), m.behavior(), d.behavior() + "." + m.ruleId()));
        }
        if (matches.isEmpty() && !found.blocked() && model.adds(p, d.behavior())) {
            events.add(BehaviorEvent.of(c, u, d.behavior(), modelKind(d.behavior(), p), d.behavior() + "." + MODEL));
        }
        return matches;
    }

    /** The kind of a behaviour the model alone found: for empathy its likeliest subtype, else {@link #MODEL}. */
    private String modelKind(String behavior, double[] p) {
        if (!behavior.equals(EMPATHY)) {
            return MODEL;
        }
        String best = EMPATHY_KINDS.get(0);
        for (String k : EMPATHY_KINDS) {
            if (model.probability(p, EMPATHY + ":" + k) > model.probability(p, EMPATHY + ":" + best)) {
                best = k;
            }
        }
        return best;
    }

    /** Ends in a question mark, or opens (after a discourse marker) with a question word or an inverted auxiliary. */
    static boolean isQuestion(List<CoreLabel> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        if (tokens.get(tokens.size() - 1).word().equals("?")) {
            return true;
        }
        if (tokens.get(tokens.size() - 1).word().matches("[.!]")) {
            return false;
        }
        int i = 0;
        while (i < tokens.size() - 1 && DISCOURSE_MARKER.matcher(tokens.get(i).word().toLowerCase(Locale.ROOT)).matches()) {
            i++;
        }
        String first = tokens.get(i).word().toLowerCase(Locale.ROOT);
        if (!QUESTION_OPENERS.contains(first) || i + 1 >= tokens.size()) {
            return false;
        }
        String next = tokens.get(i + 1).tag();
        return first.startsWith("wh") || first.equals("how") || (next != null && (next.startsWith("PRP") || next.equals("EX")));
    }
}
