package io.rapport.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed sample landing folder is exactly what jobs/generate-sample produces. */
class BundledSampleTest {

    static final Path BUNDLED = Path.of("samples/landing");

    @Test
    void committedSampleMatchesTheGenerator(@TempDir Path tmp) throws IOException {
        SampleGenerator.writeRange(tmp, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22),
                SampleGenerator.Options.defaults());
        List<Path> expected = files(tmp);
        assertEquals(expected, files(BUNDLED), "run jobs/generate-sample and commit samples/");
        for (Path f : expected) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve(f)), Files.readAllBytes(BUNDLED.resolve(f)),
                    f + " differs: run jobs/generate-sample and commit samples/");
        }
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
