package io.rapport.job;

import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.ingest.TranscriptFileReader;
import io.rapport.privacy.PseudonymKey;
import io.rapport.pipeline.CodeVersion;
import io.rapport.pipeline.NightOptions;
import io.rapport.resolution.RepeatContactWindow;
import io.rapport.sample.SampleGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The nightly job's command line. */
record JobArguments(List<LocalDate> dates, NightOptions options, String master) {

    static final String USAGE = """
            usage: nightly (--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD)
                           [--input DIR] [--warehouse DIR] [--master URL] [--rules DIR]
                           [--format NAME] [--max-record-bytes N] [--min-overlap-ms N]
                           [--repeat-window-days N] [--sentiment on|off] [--agent-domains D1,D2]
                           [--pseudonym-key-file FILE]
              --date          the night to process (its landing folder is <input>/date=YYYY-MM-DD)
              --from/--to     a range of nights, processed in date order
              --input         landing root (default: samples/landing)
              --warehouse     output root (default: warehouse)
              --master        Spark master (default: local[*], embedded)
              --rules         folder overriding the shipped rule files
              --format        force one input format instead of detecting it per file: jsonl, csv,
                              transcribe-call-analytics, contact-lens, ccai-insights, email, webvtt
              --max-record-bytes  larger records are quarantined (default: %d)
              --min-overlap-ms    overlap that makes an interruption (default: %d)
              --repeat-window-days  days in which another contact is a repeat (default: %d)
              --sentiment     score customer sentiment, on or off (default: on; off is several times faster)
              --agent-domains email domains whose senders are agents, comma-separated (subdomains match)
              --pseudonym-key-file  file holding the key that pseudonymises customer ids, when the
                              environment variable RAPPORT_PSEUDONYM_KEY is not set; required unless the
                              input was written by the sample generator (public demo key)
            """.formatted(NightOptions.DEFAULT_MAX_RECORD_BYTES, InterruptionDetector.DEFAULT_MIN_OVERLAP_MS,
            RepeatContactWindow.DEFAULT_DAYS);

    static final String SAMPLE_INPUT = "samples/landing";

    private static final Set<String> FLAGS = Set.of("--date", "--from", "--to", "--input", "--warehouse", "--master",
            "--rules", "--format", "--max-record-bytes", "--min-overlap-ms", "--repeat-window-days", "--sentiment",
            "--agent-domains", "--pseudonym-key-file");

    static JobArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!FLAGS.contains(args[i])) {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(args[i], args[++i]);
        }
        List<LocalDate> dates = dates(values);
        if (values.containsKey("--format")) {
            TranscriptFileReader.format(values.get("--format"));
        }
        NightOptions options = new NightOptions(
                values.getOrDefault("--input", SAMPLE_INPUT),
                values.getOrDefault("--warehouse", "warehouse"),
                Optional.ofNullable(values.get("--rules")),
                (int) positive(values, "--max-record-bytes", NightOptions.DEFAULT_MAX_RECORD_BYTES),
                positive(values, "--min-overlap-ms", InterruptionDetector.DEFAULT_MIN_OVERLAP_MS),
                Optional.ofNullable(values.get("--format")),
                (int) positive(values, "--repeat-window-days", RepeatContactWindow.DEFAULT_DAYS),
                CodeVersion.get(),
                onOff(values, "--sentiment", true),
                List.of(values.getOrDefault("--agent-domains", "").split(",")),
                // Generated samples are the only input allowed the public demo key.
                PseudonymKey.resolve(System.getenv(), Optional.ofNullable(values.get("--pseudonym-key-file")),
                        isSyntheticSample(values.getOrDefault("--input", SAMPLE_INPUT))));
        return new JobArguments(dates, options, values.getOrDefault("--master", "local[*]"));
    }

    /** A local landing root the sample generator wrote (a URI such as hdfs://... never is). */
    private static boolean isSyntheticSample(String input) {
        return !input.contains("://") && Files.isRegularFile(Path.of(input.replaceFirst("^file:", ""))
                .resolve(SampleGenerator.MARKER));
    }

    private static List<LocalDate> dates(Map<String, String> values) {
        boolean single = values.containsKey("--date");
        boolean range = values.containsKey("--from") || values.containsKey("--to");
        if (single == range) {
            throw new IllegalArgumentException("give either --date or both --from and --to");
        }
        if (single) {
            return List.of(date(values, "--date"));
        }
        LocalDate from = date(values, "--from");
        LocalDate to = date(values, "--to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }

    private static boolean onOff(Map<String, String> values, String flag, boolean fallback) {
        String v = values.get(flag);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(flag + " must be on or off, not '" + v + "'");
        };
    }

    private static LocalDate date(Map<String, String> values, String flag) {
        String v = values.get(flag);
        if (v == null) {
            throw new IllegalArgumentException(flag + " is required");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " '" + v + "' is not a date like 2026-11-22");
        }
    }

    private static long positive(Map<String, String> values, String flag, long fallback) {
        String v = values.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n <= 0 || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " '" + v + "' is not a positive integer");
        }
    }
}
