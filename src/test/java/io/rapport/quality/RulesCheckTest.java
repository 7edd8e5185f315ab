package io.rapport.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesCheckTest {

    static final Path GOLD = Path.of("src/test/resources/gold");

    static String run(Optional<String> rules, Path gold, boolean misses) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RulesCheck.run(rules, gold, misses, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One set of each family is enough to see the report's workings; the gold tests measure every set. */
    @Test
    void anEditedRuleFileShowsTheUtterancesWhoseVerdictChangedAndTheRuleBehindEachMiss(@TempDir Path rules, @TempDir Path gold)
            throws Exception {
        for (String set : new String[] {"resolution.jsonl", "behaviours-1.jsonl"}) {
            Files.copy(GOLD.resolve(set), gold.resolve(set));
        }
        String shipped = Files.readString(Path.of("src/main/resources/rules/resolution.rules"));
        // A quality team adds an over-broad phrase: a customer saying "I'll think about it" leaves the issue open
        // — and so, by mistake, does every "thank you".
        String edited = shipped + "\n{ ruleType: \"tokens\", priority: 1, pattern: ( /think|thank/ /about|you/ ),\n"
                + "  result: \"unresolved_signal:customer:thinks_it_over\" }\n";
        Files.writeString(rules.resolve("resolution.rules"), edited);

        String report = run(Optional.of(rules.toString()), gold, true);
        assertTrue(report.contains("edited   unresolved_signal") && report.contains("shipped  blame"), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("  changed ") && l.contains("-> [unresolved_signal]")
                && l.toLowerCase().contains("thank you")), report);
        // Each false "thank you" is a miss that names the rule to edit.
        assertTrue(report.lines().anyMatch(l -> l.startsWith("  miss ") && l.contains("gold [] predicted {unresolved_signal=thinks_it_over}")
                && l.toLowerCase().contains("thank you")), report);
        assertFalse(run(Optional.empty(), gold, false).contains("changed"), "the shipped rules change nothing against themselves");
    }
}
