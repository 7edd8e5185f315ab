package io.rapport.quality;

/** Utterance-level agreement of one detector with the gold labels. */
public record DetectorScore(String behavior, int truePositives, int falsePositives, int falseNegatives) {

    public double precision() {
        return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
    }

    @Override
    public String toString() {
        return String.format("%-22s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)", behavior, precision(),
                recall(), truePositives, falsePositives, falseNegatives);
    }
}
