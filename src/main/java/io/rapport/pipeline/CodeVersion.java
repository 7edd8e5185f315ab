package io.rapport.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, plus the git commit when jobs/nightly passes it (-Drapport.commit). */
public final class CodeVersion {

    private CodeVersion() {
    }

    public static String get() {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getClassLoader().getResourceAsStream("rapport-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "unknown");
        String commit = System.getProperty("rapport.commit", "");
        return commit.isBlank() ? version : version + "+" + commit;
    }
}
