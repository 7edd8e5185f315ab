package io.rapport.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs one of the project's scripts (jobs/...) from the project root, its output kept in a log file. */
public final class Shell {

    private Shell() {
    }

    /** The exit code; on failure the log is printed, so the test report shows why. */
    public static int run(Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        if (code != 0) {
            System.err.println(String.join(" ", command) + " exited " + code + ":\n" + Files.readString(log));
        }
        return code;
    }
}
