package io.rapport.analysis.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The editable files that drive the detectors: {@code rulesDir/<name>} when the job's {@code --rules} folder holds
 * that file, else the shipped {@code rules/<name>} resource.
 */
public final class RuleFiles {

    /** @param name where the text came from, for messages */
    public record Source(String name, String text) {
    }

    private RuleFiles() {
    }

    public static Source read(String fileName, Optional<String> rulesDir) {
        try {
            if (rulesDir.isPresent()) {
                Path file = Path.of(rulesDir.get(), fileName);
                if (Files.exists(file)) {
                    return new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            String resource = "rules/" + fileName;
            try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                return new Source(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }
}
