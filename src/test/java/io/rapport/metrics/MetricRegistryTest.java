package io.rapport.metrics;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static io.rapport.metrics.MetricFixtures.CALL;
import static io.rapport.metrics.MetricFixtures.CHAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricRegistryTest {

    @Test
    void namesAreUniqueSnakeCaseAndDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/metrics.md"));
        Set<String> seen = new HashSet<>();
        for (ConversationMetric m : MetricRegistry.ALL) {
            assertTrue(seen.add(m.name()), "duplicate " + m.name());
            assertTrue(m.name().matches("[a-z][a-z0-9_]*"), m.name());
            assertTrue(doc.contains("`" + m.name() + "`"), m.name() + " is not defined in docs/metrics.md");
        }
    }

    @Test
    void valuesHaveTheDeclaredTypeAndNullOutsideTheirScope() {
        for (var c : new io.rapport.analysis.AnalyzedConversation[] {CALL, CHAT}) {
            Object[] values = MetricRegistry.computeAll(c);
            for (int i = 0; i < values.length; i++) {
                ConversationMetric m = MetricRegistry.ALL.get(i);
                boolean inScope = m.scope() == Scope.ALL_CHANNELS || (m.scope() == Scope.VOICE) == c.isVoice();
                if (!inScope) {
                    assertEquals(null, values[i], m.name());
                } else if (values[i] != null) {
                    Class<?> expected = switch (m.type()) {
                        case LONG -> Long.class;
                        case DOUBLE -> Double.class;
                        case BOOLEAN -> Boolean.class;
                    };
                    assertEquals(expected, values[i].getClass(), m.name());
                }
            }
        }
    }
}
