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

    static String run(Optional<String> rules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RulesCheck.run(rules, GOLD, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEditedRuleFileShowsTheUtterancesWhoseVerdictChanged(@TempDir Path rules) throws Exception {
        String shipped = Files.readString(Path.of("src/main/resources/rules/resolution.rules"));
        String withoutGivingUp = shipped.replace("/forget/ /it/ | ", "");
        assertTrue(withoutGivingUp.length() < shipped.length(), "the edit must remove a phrase");
        Files.writeString(rules.resolve("resolution.rules"), withoutGivingUp);

        String report = run(Optional.of(rules.toString()));
        assertTrue(report.contains("edited   unresolved_signal"), report);
        assertTrue(report.contains("changed g-res-027 #9"), report);
        assertTrue(report.contains("forget it"), report);
        assertFalse(run(Optional.empty()).contains("changed"), "the shipped rules change nothing against themselves");
    }
}
