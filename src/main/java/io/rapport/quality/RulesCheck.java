package io.rapport.quality;

import io.rapport.resolution.ResolutionDetector;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * jobs/rules-check: judges edited rule files before they reach a night. Runs the gold sets with the shipped
 * rules and with the rules of {@code --rules DIR}, prints precision and recall of both, and lists every gold
 * utterance whose verdict the edit changed.
 */
public final class RulesCheck {

    private RulesCheck() {
    }

    public static void main(String[] args) {
        Optional<String> rules = Optional.empty();
        Path goldDir = Path.of("src/test/resources/gold");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rules" -> rules = Optional.of(args[i + 1]);
                case "--gold" -> goldDir = Path.of(args[i + 1]);
                default -> {
                    System.err.println("usage: rules-check [--rules DIR] [--gold DIR]");
                    System.exit(2);
                }
            }
        }
        if (args.length % 2 != 0) {
            System.err.println("usage: rules-check [--rules DIR] [--gold DIR]");
            System.exit(2);
        }
        run(rules, goldDir, System.out);
    }

    static void run(Optional<String> rules, Path goldDir, PrintStream out) {
        for (String name : List.of("resolution.jsonl", "resolution-2.jsonl", "resolution-3.jsonl", "resolution-4.jsonl",
                "resolution-5.jsonl",
                "resolution-holdout.jsonl")) {
            Path file = goldDir.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            GoldSet gold = GoldSet.read(file);
            ResolutionEvaluation.Result shipped = ResolutionEvaluation.evaluate(ResolutionDetector.load(Optional.empty()), gold);
            ResolutionEvaluation.Result edited = ResolutionEvaluation.evaluate(ResolutionDetector.load(rules), gold);
            out.printf("%s: %d conversations, %d utterances%n", name, gold.items().size(), gold.utterances());
            for (int i = 0; i < shipped.scores().size(); i++) {
                out.println("  shipped  " + shipped.scores().get(i));
                out.println("  " + (rules.isPresent() ? "edited   " : "shipped  ") + edited.scores().get(i));
            }
            out.printf("  resolved_in_conversation agreement: shipped %.3f, %s %.3f%n", shipped.verdictAccuracy(),
                    rules.isPresent() ? "edited" : "shipped", edited.verdictAccuracy());
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
        }
    }
}
