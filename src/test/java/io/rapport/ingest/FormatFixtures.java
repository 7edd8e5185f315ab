package io.rapport.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The vendor sample files under src/test/resources/formats/ (see the README there), read like a night reads them. */
public final class FormatFixtures {

    public static final Path ROOT = Path.of("src/test/resources/formats");
    public static final List<String> AGENT_DOMAINS = List.of("help.example-telco.com");

    private FormatFixtures() {
    }

    /** Settings with the fixtures' sidecar loaded and the fixtures' agent domain. */
    public static IngestSettings settings() {
        try (InputStream in = Files.newInputStream(ROOT.resolve("metadata.csv"))) {
            SidecarMetadata.Builder b = new SidecarMetadata.Builder(1 << 20).read("metadata.csv", in);
            return new IngestSettings(1 << 20, b.metadata(), AGENT_DOMAINS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every result of one fixture file (relative to the formats folder). */
    public static List<IngestResult> read(String relative, IngestSettings settings) {
        return read(relative, settings, Optional.empty());
    }

    public static List<IngestResult> read(String relative, IngestSettings settings, Optional<String> format) {
        List<IngestResult> out = new ArrayList<>();
        try {
            new TranscriptFileReader(settings, format).read(relative, Files.newInputStream(ROOT.resolve(relative)))
                    .forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every fixture file, relative, sorted. */
    public static List<String> files() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString())
                    .filter(n -> !n.endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
