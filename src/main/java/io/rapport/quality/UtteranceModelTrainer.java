package io.rapport.quality;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.ling.BasicDatum;
import io.rapport.analysis.language.Annotations;
import io.rapport.analysis.language.LanguageDetectors;
import io.rapport.analysis.language.UtteranceFeatures;
import io.rapport.analysis.language.UtteranceModel;
import io.rapport.model.Speaker;
import io.rapport.model.Utterance;
import io.rapport.resolution.ResolutionDetector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains the {@link UtteranceModel} on the development gold sets (every {@code behaviours-*} and
 * {@code resolution*} file whose name does not say {@code holdout}): one L2-regularised logistic regression per
 * label (CoreNLP's {@link LinearClassifierFactory}), on the utterances of the speakers the label applies to.
 * Each label's threshold is chosen without looking at the set it will be judged on: every development set is left
 * out in turn (each was written by a different person, so this measures unseen phrasing), and the threshold is the
 * lowest at which the left-out predictions reach {@link #TARGET_PRECISION}. Deterministic: the same gold files
 * give the same model file.
 */
public final class UtteranceModelTrainer {

    static final double SIGMA = 2.0;
    static final int MIN_FEATURE_COUNT = 3;
    static final double TARGET_PRECISION = 0.9;
    /** From 0.5: the model alone reports a label only when it finds it more likely than not. */
    private static final double[] THRESHOLDS = {0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90};
    private static final String USAGE = "usage: train-model [--gold DIR] [--out FILE]";

    /**
     * A label, the gold family that labels it, the speakers it applies to, and whether the model reads the utterance
     * before it: a customer's "yes" confirms a fix only as the answer to "does that work now?", but an agent's reply
     * is not blame because the customer before it was angry or wrong, so the behaviours are judged on their own words.
     * And whether it reads lemmas: they raised left-out recall of every label by 1-5 points, but on the behaviours'
     * held-out set they gained nothing and on the bundled sample they made a polite agent's "late fees are allowed
     * in the contract terms, but I can check" read as blame, so only the resolution labels use them.
     */
    record Target(String label, String family, Set<Speaker> speakers, boolean readsPrevious, boolean readsLemmas) {
    }

    static final List<Target> TARGETS;

    static {
        List<Target> t = new ArrayList<>();
        Set<Speaker> agent = Set.of(Speaker.AGENT);
        t.add(new Target(LanguageDetectors.EMPATHY, "behaviours", agent, false, false));
        LanguageDetectors.EMPATHY_KINDS.forEach(k -> t.add(new Target(LanguageDetectors.EMPATHY + ":" + k, "behaviours", agent, false, false)));
        for (String b : List.of(LanguageDetectors.REFLECTIVE, LanguageDetectors.BLAME, LanguageDetectors.SOLUTION,
                LanguageDetectors.RECAP)) {
            t.add(new Target(b, "behaviours", agent, false, false));
        }
        t.add(new Target(LanguageDetectors.COMPLAINT, "behaviours", Set.of(Speaker.CUSTOMER), false, false));
        t.add(new Target(ResolutionDetector.CONFIRMED, "resolution", Set.of(Speaker.CUSTOMER), true, true));
        t.add(new Target(ResolutionDetector.UNRESOLVED, "resolution", Set.of(Speaker.AGENT, Speaker.CUSTOMER), true, true));
        TARGETS = List.copyOf(t);
    }

    /** One party utterance of a gold set, as the model sees it. */
    record Example(String set, Speaker speaker, Set<String> features, Set<String> labels) {
    }

    /** How one label's threshold was chosen: the left-out-set precision and recall at it. */
    record Choice(double threshold, int positives, double precision, double recall) {
    }

    private UtteranceModelTrainer() {
    }

    public static void main(String[] args) {
        Path gold = Path.of("src/test/resources/gold");
        Path out = Path.of("src/main/resources/rules", UtteranceModel.FILE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gold" -> gold = Path.of(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        StringBuilder report = new StringBuilder();
        UtteranceModel model = train(gold, report);
        try {
            Files.writeString(out, model.format(report.toString().strip()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        System.out.print(report);
        System.out.println("wrote " + out);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println(USAGE);
            System.exit(2);
        }
        return args[i];
    }

    /** Trains on the development sets under {@code gold}; {@code report} receives the choices made, one line each. */
    public static UtteranceModel train(Path gold, StringBuilder report) {
        List<Path> files = new ArrayList<>();
        for (String family : List.of("behaviours", "resolution")) {
            files.addAll(RulesCheck.developmentSets(gold, family));
        }
        List<String> setNames = files.stream().map(f -> f.getFileName().toString()).toList();
        // Tagging the sets is most of the reading: one set per core, gathered in file order.
        List<Example> examples = files.parallelStream()
                .flatMap(f -> examples(f.getFileName().toString(), GoldSet.read(f)).stream()).toList();
        report.append("Trained by jobs/train-model on ").append(String.join(", ", setNames)).append('\n');
        report.append(String.format(Locale.ROOT, "L2 sigma %.1f, features seen at least %d times; threshold: lowest "
                + "reaching precision %.2f on each development set left out in turn%n", SIGMA, MIN_FEATURE_COUNT, TARGET_PRECISION));
        List<String> labels = new ArrayList<>();
        double[] thresholds = new double[TARGETS.size()];
        Map<String, float[]> weights = new TreeMap<>();
        // The labels are fitted independently, so one per core; each fit is deterministic, and the results are
        // gathered in label order, so the model file does not depend on the number of cores.
        record Fitted(Choice choice, Map<String, Double> weights) {
        }
        List<Fitted> fitted = java.util.stream.IntStream.range(0, TARGETS.size()).parallel().mapToObj(k -> {
            Target target = TARGETS.get(k);
            List<Example> own = examples.stream()
                    .filter(e -> e.set().startsWith(target.family()) && target.speakers().contains(e.speaker())).toList();
            return new Fitted(chooseThreshold(target, own), fit(target, own));
        }).toList();
        for (int k = 0; k < TARGETS.size(); k++) {
            Target target = TARGETS.get(k);
            Choice choice = fitted.get(k).choice();
            labels.add(target.label());
            thresholds[k] = choice.threshold();
            report.append(String.format(Locale.ROOT, "%s: %d positives, threshold %.2f, left-out precision %.3f recall %.3f%n",
                    target.label(), choice.positives(), choice.threshold(), choice.precision(), choice.recall()));
            for (Map.Entry<String, Double> w : fitted.get(k).weights().entrySet()) {
                weights.computeIfAbsent(w.getKey(), f -> new float[TARGETS.size()])[k] = (float) (double) w.getValue();
            }
        }
        return new UtteranceModel(labels, thresholds, weights);
    }

    /** Every agent and customer utterance, with its features and its labels ("empathy" added to its subtypes). */
    static List<Example> examples(String set, GoldSet gold) {
        List<Example> out = new ArrayList<>();
        for (GoldSet.Item item : gold.items()) {
            Annotations a = new Annotations(item.conversation());
            List<Utterance> ordered = new ArrayList<>(item.conversation().utterances());
            ordered.sort(Comparator.comparingLong(Utterance::startMs).thenComparingInt(Utterance::index));
            for (int pos = 0; pos < ordered.size(); pos++) {
                Utterance u = ordered.get(pos);
                if (!u.speaker().isParty()) {
                    continue;
                }
                Set<String> labels = new HashSet<>(item.labels().get(u.index()));
                if (labels.stream().anyMatch(l -> l.startsWith(LanguageDetectors.EMPATHY + ":"))) {
                    labels.add(LanguageDetectors.EMPATHY);
                }
                out.add(new Example(set, u.speaker(), UtteranceFeatures.of(a, ordered, pos), labels));
            }
        }
        return out;
    }

    static Choice chooseThreshold(Target target, List<Example> examples) {
        String label = target.label();
        List<String> sets = examples.stream().map(Example::set).distinct().toList();
        List<double[]> scored = new ArrayList<>(); // {probability, gold 1/0}
        for (String left : sets) {
            List<Example> train = examples.stream().filter(e -> !e.set().equals(left)).toList();
            Map<String, Double> w = fit(target, train);
            for (Example e : examples) {
                if (e.set().equals(left)) {
                    scored.add(new double[] {probability(w, e.features()), e.labels().contains(label) ? 1 : 0});
                }
            }
        }
        int positives = (int) scored.stream().filter(s -> s[1] == 1).count();
        Choice last = null;
        for (double t : THRESHOLDS) {
            int tp = 0;
            int fp = 0;
            for (double[] s : scored) {
                if (s[0] >= t) {
                    tp += (int) s[1];
                    fp += 1 - (int) s[1];
                }
            }
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            last = new Choice(t, positives, precision, positives == 0 ? 1 : (double) tp / positives);
            if (precision >= TARGET_PRECISION) {
                return last;
            }
        }
        return last;
    }

    static double probability(Map<String, Double> weights, Set<String> features) {
        double z = 0;
        for (String f : features) {
            z += weights.getOrDefault(f, 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The logistic-regression weight of each feature for the target (features below the count threshold: none). */
    static Map<String, Double> fit(Target target, List<Example> examples) {
        String label = target.label();
        Dataset<String, String> data = new Dataset<>();
        for (Example e : examples) {
            List<String> features = new ArrayList<>(e.features().stream()
                    .filter(f -> target.readsPrevious() || !f.startsWith(UtteranceFeatures.PREVIOUS))
                    .filter(f -> target.readsLemmas() || !f.startsWith(UtteranceFeatures.LEMMA)).toList());
            features.sort(null);
            data.add(new BasicDatum<>(features, e.labels().contains(label) ? "yes" : "no"));
        }
        data.applyFeatureCountThreshold(MIN_FEATURE_COUNT);
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>(1e-4, false, SIGMA);
        factory.setVerbose(false);
        LinearClassifier<String, String> c = factory.trainClassifier(data);
        Map<String, Double> w = new LinkedHashMap<>();
        for (String f : data.featureIndex()) {
            double v = c.weight(f, "yes") - c.weight(f, "no");
            if (Math.abs(v) >= 1e-3) {
                w.put(f, v);
            }
        }
        return w;
    }
}
