package io.rapport.analysis.language;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A logistic-regression model per utterance label (empathy and its subtypes, reflective listening, blame,
 * solution offered, recap, complaint, resolution confirmed, unresolved signal) over {@link UtteranceFeatures},
 * trained on the development gold sets by {@code jobs/train-model}. It is the detectors' second signal: the rule
 * files are precise but miss phrasings nobody wrote down, and the model generalises from labelled examples.
 * How the two combine is {@link #confirms} and {@link #adds}; docs/metrics.md gives the measured effect.
 *
 * <p>The file ({@code rules/utterance-model.tsv}, or the same name in the job's {@code --rules} folder) is text:
 * a {@code labels} row, a {@code threshold} row (the probability from which the model alone reports the label),
 * then one row per feature with its weight for each label.
 */
public final class UtteranceModel implements Serializable {

    public static final String FILE = "utterance-model.tsv";
    /**
     * Below this probability the model overrules a restatement found by word overlap
     * ({@link ReflectiveListeningDetector}): the customer's words are there, but nothing else in the utterance looks
     * like reflective listening (often a new question that reuses them). Phrase rules are never overruled: a phrase
     * a quality team wrote always counts.
     */
    public static final double VETO = 0.1;

    private final List<String> labels;
    private final double[] thresholds;
    private final Map<String, float[]> weights;

    public UtteranceModel(List<String> labels, double[] thresholds, Map<String, float[]> weights) {
        this.labels = List.copyOf(labels);
        this.thresholds = thresholds.clone();
        this.weights = weights;
    }

    public static UtteranceModel load(Optional<String> rulesDir) {
        RuleFiles.Source source = RuleFiles.read(FILE, rulesDir);
        return parse(source.name(), source.text());
    }

    static UtteranceModel parse(String name, String text) {
        List<String> labels = null;
        double[] thresholds = null;
        Map<String, float[]> weights = new HashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (labels == null) {
                if (!cells[0].equals("labels") || cells.length < 2) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": expected the labels row");
                }
                labels = Arrays.asList(cells).subList(1, cells.length);
                continue;
            }
            if (cells.length != labels.size() + 1) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": expected " + (labels.size() + 1)
                        + " tab-separated cells, found " + cells.length);
            }
            try {
                if (thresholds == null) {
                    if (!cells[0].equals("threshold")) {
                        throw new IllegalArgumentException(name + " line " + lineNo + ": expected the threshold row");
                    }
                    thresholds = new double[labels.size()];
                    for (int i = 0; i < thresholds.length; i++) {
                        thresholds[i] = Double.parseDouble(cells[i + 1]);
                    }
                    continue;
                }
                float[] w = new float[labels.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = Float.parseFloat(cells[i + 1]);
                }
                weights.put(cells[0], w);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (thresholds == null) {
            throw new IllegalArgumentException(name + ": no labels and threshold rows");
        }
        return new UtteranceModel(labels, thresholds, weights);
    }

    public List<String> labels() {
        return labels;
    }

    /** The probability of each label, in {@link #labels()} order. */
    public double[] probabilities(Set<String> features) {
        double[] z = new double[labels.size()];
        for (String f : features) {
            float[] w = weights.get(f);
            if (w != null) {
                for (int i = 0; i < z.length; i++) {
                    z[i] += w[i];
                }
            }
        }
        for (int i = 0; i < z.length; i++) {
            z[i] = 1 / (1 + Math.exp(-z[i]));
        }
        return z;
    }

    public double probability(double[] probabilities, String label) {
        return probabilities[index(label)];
    }

    /** A heuristic finding of {@code label} stands unless the model finds it very unlikely ({@link #VETO}). */
    public boolean confirms(double[] probabilities, String label) {
        return probabilities[index(label)] >= VETO;
    }

    /** The model alone reports {@code label}: its probability reaches the label's threshold. */
    public boolean adds(double[] probabilities, String label) {
        int i = index(label);
        return probabilities[i] >= thresholds[i];
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("the utterance model has no label " + label + "; it has " + labels);
        }
        return i;
    }

    /** The model as the text {@link #parse} reads, weights in {@link #labels()} order, features sorted. */
    public String format(String comment) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("labels\t").append(String.join("\t", labels)).append('\n');
        out.append("threshold");
        for (double t : thresholds) {
            out.append('\t').append(String.format(Locale.ROOT, "%.2f", t));
        }
        out.append('\n');
        List<String> features = new ArrayList<>(weights.keySet());
        features.sort(null);
        for (String f : features) {
            out.append(f);
            for (float w : weights.get(f)) {
                out.append('\t').append(w == 0 ? "0" : String.format(Locale.ROOT, "%.4g", w));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
