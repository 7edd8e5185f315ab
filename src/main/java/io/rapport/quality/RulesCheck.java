package io.rapport.quality;

import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.resolution.ResolutionDetector;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * jobs/rules-check: judges edited rule files before they reach a night. Runs every gold set with the shipped
 * rules and with the rules of {@code --rules DIR}, prints precision and recall of both, and lists every gold
 * utterance whose verdict the edit changed; {@code --misses} also lists every utterance where the (edited)
 * rules disagree with the gold labels.
 */
public final class RulesCheck {

    private static final String USAGE = "usage: rules-check [--rules DIR] [--gold DIR] [--misses]";

    private RulesCheck() {
    }

    public static void main(String[] args) {
        Optional<String> rules = Optional.empty();
        Path goldDir = Path.of("src/test/resources/gold");
        boolean misses = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = Optional.of(value(args, ++i));
                case "--gold" -> goldDir = Path.of(value(args, ++i));
                case "--misses" -> misses = true;
                default -> usage();
            }
        }
        run(rules, goldDir, misses, System.out);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage();
        }
        return args[i];
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }

    static void run(Optional<String> rules, Path goldDir, boolean misses, PrintStream out) {
        String label = rules.isPresent() ? "edited " : "shipped";
        ResolutionDetector shippedResolution = ResolutionDetector.load(Optional.empty());
        ResolutionDetector editedResolution = ResolutionDetector.load(rules);
        for (Path file : sets(goldDir, "resolution")) {
            GoldSet gold = GoldSet.read(file);
            ResolutionEvaluation.Result shipped = ResolutionEvaluation.evaluate(shippedResolution, gold);
            ResolutionEvaluation.Result edited = ResolutionEvaluation.evaluate(editedResolution, gold);
            report(file, gold, shipped.labels(), edited.labels(), label, misses, out);
            out.printf("  resolved_in_conversation agreement: shipped %.3f, %s %.3f%n", shipped.verdictAccuracy(),
                    label.strip(), edited.verdictAccuracy());
        }
        ConversationAnalyzer shippedAnalyzer = analyzer(Optional.empty());
        ConversationAnalyzer editedAnalyzer = analyzer(rules);
        for (Path file : sets(goldDir, "behaviours")) {
            GoldSet gold = GoldSet.read(file);
            report(file, gold, BehaviourEvaluation.evaluate(shippedAnalyzer, gold),
                    BehaviourEvaluation.evaluate(editedAnalyzer, gold), label, misses, out);
        }
    }

    /** The gold files {@code <family>*.jsonl} of the folder, development sets first, held-out sets last. */
    static List<Path> sets(Path goldDir, String family) {
        try (Stream<Path> files = Files.list(goldDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(family) && f.toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString().contains("holdout"))
                            .thenComparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list gold sets in " + goldDir, e);
        }
    }

    /** The development sets of a family: every set whose name does not say {@code holdout}, by name. */
    static List<Path> developmentSets(Path goldDir, String family) {
        return sets(goldDir, family).stream().filter(f -> !f.getFileName().toString().contains("holdout")).toList();
    }

    /** The detectors as a night runs them, minus sentiment, which no rule file drives. */
    private static ConversationAnalyzer analyzer(Optional<String> rules) {
        return ConversationAnalyzer.load(rules, InterruptionDetector.DEFAULT_MIN_OVERLAP_MS, false);
    }

    private static void report(Path file, GoldSet gold, LabelAgreement.Result shipped, LabelAgreement.Result edited,
                               String label, boolean misses, PrintStream out) {
        out.printf("%s: %d conversations, %d utterances%n", file.getFileName(), gold.items().size(), gold.utterances());
        for (int i = 0; i < shipped.scores().size(); i++) {
            out.println("  shipped  " + shipped.scores().get(i));
            if (!label.equals("shipped")) {
                out.println("  " + label + "  " + edited.scores().get(i));
            }
        }
        int k = 0;
        for (GoldSet.Item item : gold.items()) {
            for (int u = 0; u < item.labels().size(); u++, k++) {
                if (!shipped.predictions().get(k).equals(edited.predictions().get(k))) {
                    out.printf("  changed %s #%d gold %s: %s -> %s  \"%s\"%n", item.conversation().conversationId(),
                            u, item.labels().get(u), shipped.predictions().get(k), edited.predictions().get(k),
                            item.conversation().utterances().get(u).text().replace('\n', ' '));
                }
            }
        }
        if (misses) {
            for (LabelAgreement.Miss m : edited.misses()) {
                out.printf("  miss %s #%d gold %s predicted %s  \"%s\"%n", m.conversationId(), m.utteranceIndex(),
                        m.gold(), m.evidence(), m.text().replace('\n', ' '));
            }
        }
    }
}
