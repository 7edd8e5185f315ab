package io.rapport.analysis.timing;

import io.rapport.model.Utterance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises backchannels ("mm-hmm", "right", "I see"): short utterances made only of listener phrases,
 * which acknowledge the speaker without taking the floor. They are counted as acknowledgements and never as
 * interruptions, even when they overlap the other party.
 */
public final class BackchannelClassifier implements Serializable {

    public static final String RESOURCE = "rules/backchannels.txt";
    public static final int MAX_WORDS = 4;
    public static final long MAX_DURATION_MS = 2000;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}'-]+");

    /** Phrases as word arrays, longest first so "uh huh" wins over "uh". */
    private final List<String[]> phrases;

    public BackchannelClassifier(List<String> phraseLines) {
        List<String[]> list = new ArrayList<>();
        for (String line : phraseLines) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                list.add(words(t));
            }
        }
        list.sort(Comparator.comparingInt((String[] p) -> p.length).reversed());
        this.phrases = List.copyOf(list);
    }

    /** The lexicon from {@code rulesDir/backchannels.txt} when that file exists, else the shipped one. */
    public static BackchannelClassifier load(Optional<String> rulesDir) {
        if (rulesDir.isEmpty() || !Files.exists(Path.of(rulesDir.get(), "backchannels.txt"))) {
            return shipped();
        }
        Path file = Path.of(rulesDir.get(), "backchannels.txt");
        try {
            return new BackchannelClassifier(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }

    /** The shipped lexicon from the classpath. */
    public static BackchannelClassifier shipped() {
        try (InputStream in = BackchannelClassifier.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new BackchannelClassifier(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isBackchannel(Utterance u) {
        if (u.endMs() != null && u.durationMs() > MAX_DURATION_MS) {
            return false;
        }
        String[] w = words(u.text());
        if (w.length == 0 || w.length > MAX_WORDS) {
            return false;
        }
        int i = 0;
        outer:
        while (i < w.length) {
            for (String[] p : phrases) {
                if (i + p.length <= w.length && Arrays.equals(w, i, i + p.length, p, 0, p.length)) {
                    i += p.length;
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static String[] words(String text) {
        String t = NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return t.isEmpty() ? new String[0] : t.split(" ");
    }
}
