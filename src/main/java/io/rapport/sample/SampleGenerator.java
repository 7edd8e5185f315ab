package io.rapport.sample;

import io.rapport.sample.Transcript.Utterance;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes deterministic, realistic support transcripts in the landing format: for each date D,
 * {@code date=D/conversations-NNNN.jsonl} and {@code date=D/export-NNNN.csv}. The same arguments always give
 * byte-identical files. Conversations are written as they are generated, so a night of any size needs
 * memory for one conversation only.
 *
 * <pre>
 * java io.rapport.sample.SampleGenerator --out DIR --from YYYY-MM-DD --to YYYY-MM-DD
 *     [--conversations N] [--seed S] [--csv-share F] [--bad-records true|false] [--asr-share F]
 * </pre>
 */
public final class SampleGenerator {

    /** No part file holds more conversations than this. */
    public static final int MAX_CONVERSATIONS_PER_FILE = 50_000;

    /**
     * Marks a landing root as generated: no real person is in it, so the nightly job may pseudonymise it with the
     * public demo key instead of asking for a real one.
     */
    public static final String MARKER = "SYNTHETIC-SAMPLE.txt";
    private static final String MARKER_TEXT = "Synthetic transcripts written by io.rapport.sample.SampleGenerator."
            + " No real person is in them, so the nightly job runs on this folder with the public demo pseudonym key"
            + " (runs.pseudonym_key = demo:...). Never put real transcripts here.\n";
    private static final String USAGE = "usage: java io.rapport.sample.SampleGenerator --out DIR --from YYYY-MM-DD"
            + " --to YYYY-MM-DD [--conversations N] [--seed S] [--csv-share F] [--bad-records true|false]"
            + " [--asr-share F]";
    private static final List<BadRecord> JSONL_BAD_RECORDS =
            Arrays.stream(BadRecord.values()).filter(b -> !b.inCsv()).toList();
    private static final String SUPERVISOR_LINE =
            "Hello, this is Morgan, the duty supervisor. I've been listening in, and I'm going to take it from here.";
    /** The recording of a NEGATIVE_START record began this long after its first utterance did. */
    private static final long NEGATIVE_START_MS = -2_400;
    /** Stream numbers 1..n are the good conversations, n+1.. the bad ones; routing draws from its own stream. */
    private static final long ROUTING_STREAM = -1;
    private static final long ASR_STREAM = -2;
    /** Punctuation a speech recogniser without a punctuation model does not produce (apostrophes it does). */
    private static final java.util.regex.Pattern NOT_RECOGNISED = java.util.regex.Pattern.compile("[.,!?;:\"()]+");

    private SampleGenerator() {
    }

    /**
     * What to generate per night.
     *
     * @param conversations        good conversations per night (JSONL and CSV together)
     * @param seed                 with the date, determines everything written
     * @param csvShare             fraction of the good conversations exported to CSV instead of JSONL (rounded)
     * @param badRecords           add one record of each {@link BadRecord} kind per night, on top of the good ones
     * @param conversationsPerFile part size, at most {@link #MAX_CONVERSATIONS_PER_FILE}
     * @param asrShare             fraction of the voice calls written as raw speech recognition returns them: lower
     *                             case, no punctuation (the bundled sample has none; jobs/bench uses some)
     */
    public record Options(int conversations, long seed, double csvShare, boolean badRecords, int conversationsPerFile,
                          double asrShare) {

        public Options {
            if (conversations < 1) {
                throw new IllegalArgumentException("conversations must be at least 1, got " + conversations);
            }
            if (!(csvShare >= 0 && csvShare <= 1)) {
                throw new IllegalArgumentException("csv-share must be between 0 and 1, got " + csvShare);
            }
            if (!(asrShare >= 0 && asrShare <= 1)) {
                throw new IllegalArgumentException("asr-share must be between 0 and 1, got " + asrShare);
            }
            if (conversationsPerFile < 1 || conversationsPerFile > MAX_CONVERSATIONS_PER_FILE) {
                throw new IllegalArgumentException("conversationsPerFile must be 1.." + MAX_CONVERSATIONS_PER_FILE
                        + ", got " + conversationsPerFile);
            }
        }

        /** 48 conversations, seed 42, a quarter to CSV, bad records on, 50,000 per file, punctuated voice text. */
        public static Options defaults() {
            return new Options(48, 42, 0.25, true, MAX_CONVERSATIONS_PER_FILE, 0);
        }

        public Options withConversations(int n) {
            return new Options(n, seed, csvShare, badRecords, conversationsPerFile, asrShare);
        }

        public Options withSeed(long s) {
            return new Options(conversations, s, csvShare, badRecords, conversationsPerFile, asrShare);
        }

        public Options withCsvShare(double share) {
            return new Options(conversations, seed, share, badRecords, conversationsPerFile, asrShare);
        }

        public Options withBadRecords(boolean on) {
            return new Options(conversations, seed, csvShare, on, conversationsPerFile, asrShare);
        }

        public Options withConversationsPerFile(int perFile) {
            return new Options(conversations, seed, csvShare, badRecords, perFile, asrShare);
        }

        public Options withAsrShare(double share) {
            return new Options(conversations, seed, csvShare, badRecords, conversationsPerFile, share);
        }

        /** How many of the good conversations go to the CSV export. */
        public int csvConversations() {
            return (int) Math.round(conversations * csvShare);
        }
    }

    /**
     * A bad record as written.
     *
     * @param conversationId for CSV_DUPLICATE_ID the reused id
     * @param file           part file name inside the date directory
     * @param line           1-based physical line where the record starts: for CSV_WRONG_FIELD_COUNT the broken
     *                       row, for CSV_DUPLICATE_ID the conversation's first row
     */
    public record WrittenBadRecord(BadRecord kind, String conversationId, String file, long line) {
    }

    /**
     * One night's output.
     *
     * @param goodConversations  valid conversations written (JSONL plus CSV)
     * @param jsonlConversations of which in JSON Lines
     * @param csvConversations   of which in the CSV export
     * @param badRecords         in the order written
     * @param files              every file written, JSONL parts first
     */
    public record Summary(LocalDate date, int goodConversations, int jsonlConversations, int csvConversations,
                          List<WrittenBadRecord> badRecords, List<Path> files) {

        public Summary {
            badRecords = List.copyOf(badRecords);
            files = List.copyOf(files);
        }

        public Map<BadRecord, Integer> badRecordCounts() {
            Map<BadRecord, Integer> counts = new EnumMap<>(BadRecord.class);
            badRecords.forEach(b -> counts.merge(b.kind(), 1, Integer::sum));
            return counts;
        }

        /** Human-readable report, stable for the same arguments. */
        public String describe() {
            StringBuilder s = new StringBuilder()
                    .append("date=").append(date).append(": ").append(goodConversations).append(" good conversations (")
                    .append(jsonlConversations).append(" JSONL, ").append(csvConversations).append(" CSV), ")
                    .append(badRecords.size()).append(" bad records\n");
            for (WrittenBadRecord b : badRecords) {
                s.append("  ").append(b.kind().code()).append(' ').append(b.conversationId())
                        .append(" at ").append(b.file()).append(':').append(b.line())
                        .append(" (").append(b.kind().description()).append(")\n");
            }
            s.append("  files: ")
                    .append(files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")))
                    .append('\n');
            return s.toString();
        }
    }

    public static void main(String[] args) throws IOException {
        try {
            Cli cli = Cli.parse(args);
            for (Summary s : writeRange(cli.out, cli.from, cli.to, cli.options)) {
                System.out.print(s.describe());
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** Writes every night from {@code from} to {@code to}, inclusive. */
    public static List<Summary> writeRange(Path outDir, LocalDate from, LocalDate to, Options o) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        List<Summary> nights = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            nights.add(writeNight(outDir, d, o));
        }
        return nights;
    }

    /**
     * Writes {@code outDir/date=D/}, replacing any part files a previous run left there. Bad records come on
     * top of the good conversations and are conversations of their own, so an ingest that quarantines exactly
     * the bad records keeps {@code goodConversations} conversations.
     *
     * @throws IllegalArgumentException if bad records are on but no conversation goes to JSONL, leaving no id
     *                                  for the CSV to duplicate
     */
    public static Summary writeNight(Path outDir, LocalDate date, Options o) throws IOException {
        int n = o.conversations();
        int csvTotal = o.csvConversations();
        if (o.badRecords() && csvTotal >= n) {
            throw new IllegalArgumentException("bad records need a JSONL conversation whose id the CSV can duplicate,"
                    + " but csv-share " + o.csvShare() + " sends all " + n + " conversations to CSV");
        }
        Path dir = outDir.resolve("date=" + date);
        Files.createDirectories(dir);
        Files.writeString(outDir.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
        deleteOldParts(dir);

        long nightSeed = Seeds.night(o.seed(), date);
        TranscriptGenerator generator = new TranscriptGenerator(nightSeed, date);
        Random routing = new Random(Seeds.stream(nightSeed, ROUTING_STREAM));
        Random asr = new Random(Seeds.stream(nightSeed, ASR_STREAM));
        // JSONL bad record k (1-based) follows good conversation ceil(k * n / 9); in the CSV the conversation
        // with the broken row follows a third of the good CSV conversations, the duplicate id two thirds. The
        // positions depend only on the options and spread the bad records through the night.
        int brokenRowAfterCsv = (csvTotal + 2) / 3;
        int duplicateAfterCsv = (2 * csvTotal + 2) / 3;
        List<WrittenBadRecord> bad = new ArrayList<>();
        int jsonlGood = 0;
        int csvGood = 0;
        int nextBad = 0;
        boolean csvHasChat = false;
        boolean brokenRowWritten = false;
        boolean duplicateWritten = false;
        String lastJsonlId = null;

        try (JsonlSink jsonl = new JsonlSink(dir, o.conversationsPerFile());
             CsvSink csv = new CsvSink(dir, o.conversationsPerFile())) {
            for (int i = 1; i <= n; i++) {
                Transcript t = generator.generate(conversationId(date, i), i, i, n, null);
                if (o.asrShare() > 0 && t.channel().equals(Medium.VOICE.code) && asr.nextDouble() < o.asrShare()) {
                    t = asRecognised(t);
                }
                boolean chat = t.channel().equals(Medium.CHAT.code);
                // Selection sampling: exactly csvTotal go to CSV, spread at random. The first chat is always
                // exported, because chat carries the multi-line, quoted texts the CSV quoting must handle.
                int quota = csvTotal - csvGood;
                boolean toCsv = quota > 0
                        && (routing.nextDouble() * (n - i + 1) < quota || (chat && !csvHasChat));
                if (toCsv) {
                    csvGood++;
                    csvHasChat |= chat;
                    csv.write(t);
                } else {
                    jsonl.write(t);
                    jsonlGood++;
                    lastJsonlId = t.id();
                }

                if (!o.badRecords()) {
                    continue;
                }
                while (nextBad < JSONL_BAD_RECORDS.size() && ((long) (nextBad + 1) * n + 8) / 9 == i) {
                    BadRecord kind = JSONL_BAD_RECORDS.get(nextBad);
                    int stream = n + 1 + nextBad;
                    Transcript base = generator.generate(conversationId(date, stream), stream, i, n, mediumFor(kind));
                    Position at = kind == BadRecord.MALFORMED_JSON
                            ? jsonl.writeTruncated(base, 0.6)
                            : jsonl.write(damage(kind, base));
                    bad.add(written(kind, base.id(), at));
                    nextBad++;
                }
                if (!brokenRowWritten && csvGood >= brokenRowAfterCsv) {
                    int stream = n + 1 + JSONL_BAD_RECORDS.size();
                    Transcript host = generator.generate(conversationId(date, stream), stream, i, n, null);
                    bad.add(written(BadRecord.CSV_WRONG_FIELD_COUNT, host.id(), csv.writeWithUnquotedRow(host)));
                    brokenRowWritten = true;
                }
                if (!duplicateWritten && csvGood >= duplicateAfterCsv && lastJsonlId != null) {
                    int stream = n + 2 + JSONL_BAD_RECORDS.size();
                    Transcript other = generator.generate(conversationId(date, stream), stream, i, n, null);
                    bad.add(written(BadRecord.CSV_DUPLICATE_ID, lastJsonlId, csv.write(other.withId(lastJsonlId))));
                    duplicateWritten = true;
                }
            }
            List<Path> files = new ArrayList<>(jsonl.files());
            files.addAll(csv.files());
            return new Summary(date, n, jsonlGood, csvGood, bad, files);
        }
    }

    /** The call as a recogniser without punctuation or casing returns it: one lower-case run of words per turn. */
    static Transcript asRecognised(Transcript t) {
        List<Utterance> us = new ArrayList<>();
        for (Utterance u : t.utterances()) {
            String words = NOT_RECOGNISED.matcher(u.text()).replaceAll(" ").trim().replaceAll("\\s+", " ");
            us.add(new Utterance(u.speaker(), u.startMs(), u.endMs(), words.toLowerCase(Locale.ROOT)));
        }
        return t.withUtterances(us);
    }

    /** "c-20261122-0007"; wider than four digits once a night passes 9,999. */
    static String conversationId(LocalDate date, long number) {
        String digits = Long.toString(number);
        return "c-" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + "0".repeat(Math.max(0, 4 - digits.length()))
                + digits;
    }

    /** The timing defects only mean something on a voice call; the fax is an email-like exchange of documents. */
    private static Medium mediumFor(BadRecord kind) {
        return switch (kind) {
            case UNKNOWN_SPEAKER, END_BEFORE_START, NEGATIVE_START, MISSING_END_MS -> Medium.VOICE;
            case UNKNOWN_CHANNEL -> Medium.EMAIL;
            default -> null;
        };
    }

    /** Introduces exactly one defect of the given kind into an otherwise valid conversation. */
    private static Transcript damage(BadRecord kind, Transcript t) {
        List<Utterance> us = new ArrayList<>(t.utterances());
        int middle = us.size() / 2;
        Utterance m = us.get(middle);
        switch (kind) {
            case MISSING_AGENT_ID -> {
                return t.withAgentId(null);
            }
            case UNKNOWN_CHANNEL -> {
                return t.withChannel("fax");
            }
            case EMPTY_UTTERANCES -> {
                return t.withUtterances(List.of());
            }
            case UNKNOWN_SPEAKER -> {
                int last = lastAgentUtterance(us);
                Utterance a = us.get(last);
                us.set(last, new Utterance("supervisor", a.startMs(), a.endMs(), SUPERVISOR_LINE));
            }
            // Only the first utterance can start at 0, so the middle one can end earlier without going negative.
            case END_BEFORE_START -> us.set(middle, new Utterance(m.speaker(), m.startMs(),
                    Math.max(0, m.startMs() - (m.endMs() - m.startMs())), m.text()));
            case NEGATIVE_START -> {
                // The first utterance has the smallest start, so the list stays sorted; its end stays after its start.
                Utterance first = us.get(0);
                us.set(0, new Utterance(first.speaker(), NEGATIVE_START_MS, first.endMs(), first.text()));
            }
            case MISSING_END_MS -> us.set(middle, new Utterance(m.speaker(), m.startMs(), null, m.text()));
            default -> throw new IllegalArgumentException(kind + " is not a JSONL content defect");
        }
        return t.withUtterances(us);
    }

    private static int lastAgentUtterance(List<Utterance> us) {
        for (int i = us.size() - 1; i >= 0; i--) {
            if (us.get(i).speaker().equals(Role.AGENT.code)) {
                return i;
            }
        }
        throw new IllegalStateException("no agent utterance");
    }

    private static WrittenBadRecord written(BadRecord kind, String conversationId, Position at) {
        return new WrittenBadRecord(kind, conversationId, at.file(), at.line());
    }

    private static void deleteOldParts(Path dir) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "{conversations-*.jsonl,export-*.csv}")) {
            for (Path p : parts) {
                Files.delete(p);
            }
        }
    }

    /** Parsed command line. */
    private record Cli(Path out, LocalDate from, LocalDate to, Options options) {

        static Cli parse(String[] args) {
            Path out = null;
            LocalDate from = null;
            LocalDate to = null;
            Options o = Options.defaults();
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("every option takes a value");
            }
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                try {
                    switch (args[i]) {
                        case "--out" -> out = Paths.get(value);
                        case "--from" -> from = LocalDate.parse(value);
                        case "--to" -> to = LocalDate.parse(value);
                        case "--conversations" -> o = o.withConversations(Integer.parseInt(value));
                        case "--seed" -> o = o.withSeed(Long.parseLong(value));
                        case "--csv-share" -> o = o.withCsvShare(Double.parseDouble(value));
                        case "--bad-records" -> o = o.withBadRecords(parseBoolean(value));
                        case "--asr-share" -> o = o.withAsrShare(Double.parseDouble(value));
                        default -> throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException("bad value for " + args[i] + ": " + value);
                }
            }
            if (out == null || from == null || to == null) {
                throw new IllegalArgumentException("--out, --from and --to are required");
            }
            return new Cli(out, from, to, o);
        }

        private static boolean parseBoolean(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("--bad-records takes true or false, got " + value);
            };
        }
    }
}
