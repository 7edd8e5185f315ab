package io.rapport.bench;

import io.rapport.analysis.ConversationAnalyzer;
import io.rapport.analysis.language.Annotations;
import io.rapport.analysis.language.CustomerSentiment;
import io.rapport.analysis.timing.InterruptionDetector;
import io.rapport.ingest.IngestResult;
import io.rapport.ingest.TranscriptFileReader;
import io.rapport.job.NightlyJob;
import io.rapport.model.Channel;
import io.rapport.model.Conversation;
import io.rapport.model.Utterance;
import io.rapport.pipeline.NightOptions;
import io.rapport.pipeline.NightResult;
import io.rapport.pipeline.NightlyPipeline;
import io.rapport.sample.SampleGenerator;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * jobs/bench: the nightly job on N generated conversations, and in the same JVM the ceiling it is measured
 * against: the same CoreNLP annotators over the same texts in a plain loop, no Spark, one pipeline per thread.
 * Prints conversations per second per core for both, their ratio, start-up, the job's own stage split (from its
 * runs row) and peak RSS, and appends a row to docs/benchmarks.md.
 */
public final class Benchmark {

    static final LocalDate NIGHT = LocalDate.of(2026, 12, 1);

    private Benchmark() {
    }

    /**
     * A quarter of the voice calls come as raw speech recognition (lower case, no punctuation), the text the
     * run-on splitter and the caseless tagger are there for.
     */
    static final double ASR_SHARE = 0.25;

    /** The length of the performance issue's reference voice call (6 minutes, ~900 tokens). */
    static final int REFERENCE_CALL_WORDS = 900;

    /**
     * @param ceilingConversations how many of the night's first conversations the ceiling is measured on; all of
     *                             them unless a smaller number is given. The ceiling is a rate of a plain loop
     *                             over chunks, so a 1M-conversation night can measure it on its first 100,000
     *                             instead of spending hours more repeating it (the row says so).
     */
    record Options(int conversations, boolean sentiment, boolean naiveBaseline, int cores, Path work, Path report,
                   int ceilingConversations) {
        static Options parse(String[] args) {
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                v.put(args[i], args[i + 1]);
            }
            for (String k : v.keySet()) {
                if (!List.of("--conversations", "--sentiment", "--baseline", "--cores", "--work", "--report",
                        "--ceiling-conversations").contains(k)) {
                    throw new IllegalArgumentException("unknown argument " + k);
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException(args[args.length - 1] + " needs a value");
            }
            String sentiment = v.getOrDefault("--sentiment", "off");
            if (!sentiment.equals("on") && !sentiment.equals("off")) {
                throw new IllegalArgumentException("--sentiment must be on or off");
            }
            String baseline = v.getOrDefault("--baseline", "none");
            if (!baseline.equals("none") && !baseline.equals("naive")) {
                throw new IllegalArgumentException("--baseline must be naive (or left out)");
            }
            int conversations = Integer.parseInt(v.getOrDefault("--conversations", "10000"));
            int ceilingConversations = Integer.parseInt(v.getOrDefault("--ceiling-conversations",
                    String.valueOf(conversations)));
            if (conversations < 1 || ceilingConversations < 1 || ceilingConversations > conversations) {
                throw new IllegalArgumentException("--conversations must be at least 1, and --ceiling-conversations"
                        + " between 1 and --conversations");
            }
            return new Options(conversations, sentiment.equals("on"), baseline.equals("naive"),
                    Integer.parseInt(v.getOrDefault("--cores", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                    Path.of(v.getOrDefault("--work", "target/bench")), Path.of(v.getOrDefault("--report",
                    "docs/benchmarks.md")), ceilingConversations);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: jobs/bench [--conversations N] [--sentiment on|off] [--baseline naive]"
                    + " [--cores N] [--ceiling-conversations N] [--work DIR] [--report FILE]");
            System.exit(2);
            return;
        }
        System.exit(run(o) ? 0 : 1);
    }

    static boolean run(Options o) throws Exception {
        Path landing = o.work().resolve("landing-" + o.conversations() + "-asr" + Math.round(ASR_SHARE * 100));
        if (!Files.exists(landing.resolve("date=" + NIGHT))) {
            long t = System.nanoTime();
            SampleGenerator.writeNight(landing, NIGHT, SampleGenerator.Options.defaults()
                    .withConversations(o.conversations()).withBadRecords(false).withAsrShare(ASR_SHARE));
            System.out.printf("generated %d conversations in %.1f s%n", o.conversations(), seconds(t));
        }
        Path night = landing.resolve("date=" + NIGHT);
        // The night is read in chunks, so the benchmark's own memory stays bounded however large the night.
        List<Conversation> first = new ArrayList<>();
        forEachChunk(night, CHUNK, chunk -> {
            first.addAll(chunk);
            return false;
        });

        // Start-up: the models, loaded once per JVM (per thread for the pipelines).
        long t = System.nanoTime();
        ConversationAnalyzer analyzer = ConversationAnalyzer.load(Optional.empty(),
                InterruptionDetector.DEFAULT_MIN_OVERLAP_MS, o.sentiment());
        analyzer.analyze(first.get(0));
        double startup = seconds(t);

        // Warm both paths up on the same slice, so neither gains from the other's JIT work.
        ceiling(first.subList(0, Math.min(200, first.size())), o.cores(), o.sentiment());

        Ceiling measured = Ceiling.measure(night, o.ceilingConversations(), CHUNK, o.cores(),
                o.sentiment());
        Corpus corpus = measured.night();
        System.out.println(corpus.describe());
        if (measured.over().conversations() < corpus.conversations()) {
            System.out.printf("ceiling measured on the first %d conversations%n", measured.over().conversations());
        }

        // Where the job's analysis time goes, without Spark, on the first chunk: every detector, then the
        // redaction of the excerpts the events carry.
        double[] split = analysisSplit(first, analyzer, o.cores());

        // The nightly job's own embedded session (time zone, shuffle partitions), so the row measures that job.
        SparkSession spark = NightlyJob.session("local[" + o.cores() + "]");
        Path warehouse = o.work().resolve("warehouse-" + o.conversations() + (o.sentiment() ? "-sentiment" : ""));
        t = System.nanoTime();
        long jobCpu = cpuNanos();
        NightResult result = new NightlyPipeline(spark, NightOptions.defaults(landing.toString(), warehouse.toString())
                .withSentiment(o.sentiment())).run(NIGHT);
        double jobSeconds = seconds(t);
        double jobCpuShare = (cpuNanos() - jobCpu) / 1e9 / jobSeconds / o.cores();
        spark.stop();

        Double naive = o.naiveBaseline() ? naiveRate(first, corpus) : null;
        double jobRate = result.processed() / jobSeconds / o.cores();
        double ceilingRate = measured.rate(o.cores());
        long peakRss = peakRssBytes();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "job:     %.1f conversations/s/core (%d in %.1f s on %d cores)%n",
                jobRate, result.processed(), jobSeconds, o.cores()));
        out.append(String.format(Locale.ROOT, "ceiling: %.1f conversations/s/core (CoreNLP alone, %d conversations in"
                + " %.1f s)%n", ceilingRate, measured.over().conversations(), measured.seconds()));
        out.append(String.format(Locale.ROOT, "ratio:   %.2f of the ceiling%n", jobRate / ceilingRate));
        // The reference call is ~900 words; the generator's conversations are shorter, so the same work
        // is also stated in calls of that length.
        double words = corpus.words() / (double) corpus.conversations();
        out.append(String.format(Locale.ROOT, "in %d-word calls: job %.1f/s/core, ceiling %.1f/s/core (%.0f words"
                + " per conversation here)%n", REFERENCE_CALL_WORDS, jobRate * words / REFERENCE_CALL_WORDS,
                ceilingRate * words / REFERENCE_CALL_WORDS, words));
        out.append(String.format(Locale.ROOT, "without Spark, on %d conversations: analysis %.1f conversations/s/core,"
                + " analysis + excerpt redaction %.1f%n", first.size(), first.size() / split[0] / o.cores(),
                first.size() / (split[0] + split[1]) / o.cores()));
        if (naive != null) {
            out.append(String.format(Locale.ROOT, "naive:   %.2f conversations/s/core (PCFG sentiment on every"
                    + " utterance, one pipeline, one thread); the job is %.1fx that%n", naive, jobRate / naive));
        }
        out.append(String.format(Locale.ROOT, "start-up (models): %.1f s; peak RSS %.0f MiB%n", startup,
                peakRss / 1048576.0));
        String cpuShare = String.format(Locale.ROOT, "CPU used: ceiling %.0f%%, job %.0f%% of %d cores",
                100 * measured.cpuShare(o.cores()), 100 * jobCpuShare, o.cores());
        out.append(cpuShare).append(" (well under 100 % for the ceiling means other work shared the machine)\n");
        out.append("job stages (ms): ").append(result.stageMillis()).append('\n');
        out.append(String.format(Locale.ROOT, "job analysis task time (ms, summed over tasks): %s; NLP %.0f%%%n",
                result.analysisMillis(), 100 * nlpShare(result.analysisMillis())));
        System.out.print(out);
        appendRow(o, measured, cpuShare, jobRate, naive, startup, result, jobSeconds, peakRss);
        return result.processed() == corpus.conversations();
    }

    /** The NLP share of the analysis task time: the rest is what the detectors and redaction add to it. */
    static double nlpShare(Map<String, Long> analysisMillis) {
        long total = analysisMillis.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? 0 : analysisMillis.getOrDefault("nlp", 0L) / (double) total;
    }

    /** Conversations per chunk the benchmark holds in memory. */
    static final int CHUNK = 2000;

    interface ChunkConsumer {
        /** @return false to stop reading */
        boolean accept(List<Conversation> chunk) throws Exception;
    }

    /** The night's conversations in file order, read with the job's own adapters but no Spark, {@code size} at a time. */
    static void forEachChunk(Path night, int size, ChunkConsumer each) throws Exception {
        TranscriptFileReader reader = new TranscriptFileReader(NightOptions.DEFAULT_MAX_RECORD_BYTES, Optional.empty());
        List<Path> files;
        try (Stream<Path> listed = Files.list(night)) {
            files = listed.sorted().toList();
        }
        List<Conversation> chunk = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (Iterator<IngestResult> it = reader.read(f.getFileName().toString(), in); it.hasNext(); ) {
                    if (it.next() instanceof IngestResult.Accepted a) {
                        chunk.add(a.conversation());
                        if (chunk.size() == size) {
                            if (!each.accept(chunk)) {
                                return;
                            }
                            chunk = new ArrayList<>();
                        }
                    }
                }
            }
        }
        if (!chunk.isEmpty()) {
            each.accept(chunk);
        }
    }

    /**
     * The ceiling over the night's first {@code limit} conversations ({@code over}, timed: annotators only, not the
     * reading of the chunks), and the whole night's counts ({@code night}, read either way for the row).
     */
    record Ceiling(Corpus night, Corpus over, double seconds, double cpuSeconds) {
        static Ceiling measure(Path night, int limit, int chunkSize, int cores, boolean sentiment) throws Exception {
            Corpus[] all = {Corpus.of(List.of())};
            Corpus[] over = {Corpus.of(List.of())};
            double[] seconds = {0};
            double[] cpu = {0};
            forEachChunk(night, chunkSize, chunk -> {
                all[0] = all[0].plus(Corpus.of(chunk));
                int room = limit - over[0].conversations();
                if (room > 0) {
                    List<Conversation> part = chunk.subList(0, Math.min(room, chunk.size()));
                    long t = System.nanoTime();
                    long c = cpuNanos();
                    ceiling(part, cores, sentiment);
                    seconds[0] += Benchmark.seconds(t);
                    cpu[0] += (cpuNanos() - c) / 1e9;
                    over[0] = over[0].plus(Corpus.of(part));
                }
                return true;
            });
            return new Ceiling(all[0], over[0], seconds[0], cpu[0]);
        }

        double rate(int cores) {
            return over.conversations() / seconds / cores;
        }

        /** The share of the cores the timed part got. */
        double cpuShare(int cores) {
            return cpuSeconds / seconds / cores;
        }
    }

    /**
     * The NLP ceiling: every utterance through tokenize, ssplit, pos, lemma (and with sentiment, the same bounded
     * customer turns through parse and sentiment), conversations shared out over {@code cores} threads.
     */
    static void ceiling(List<Conversation> conversations, int cores, boolean sentiment) throws Exception {
        CustomerSentiment scorer = sentiment ? new CustomerSentiment() : null;
        parallel(conversations.size(), cores, k -> {
            Conversation c = conversations.get(k);
            Annotations a = new Annotations(c);
            for (Utterance u : c.utterances()) {
                a.sentences(u);
            }
            if (scorer != null) {
                scorer.score(c.utterances(), new boolean[c.utterances().size()], a);
            }
        });
    }

    /** Seconds spent analysing the conversations, and then redacting their events' excerpts. */
    static double[] analysisSplit(List<Conversation> conversations, ConversationAnalyzer analyzer, int cores)
            throws Exception {
        io.rapport.privacy.Privacy privacy = new io.rapport.privacy.Privacy(io.rapport.privacy.PseudonymKey.DEMO,
                Optional.empty());
        List<List<String>> excerpts = new ArrayList<>();
        conversations.forEach(c -> excerpts.add(null));
        long t = System.nanoTime();
        parallel(conversations.size(), cores, k -> excerpts.set(k, analyzer.analyze(conversations.get(k)).events()
                .stream().map(io.rapport.analysis.BehaviorEvent::excerpt).distinct().toList()));
        double analysis = seconds(t);
        t = System.nanoTime();
        parallel(conversations.size(), cores, k -> excerpts.get(k).forEach(privacy::redact));
        return new double[] {analysis, seconds(t)};
    }

    static void parallel(int n, int cores, java.util.function.IntConsumer work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                done.add(pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                        work.accept(k);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The naive approach the issue compares against: one pipeline with the PCFG parser and sentiment over every
     * utterance, one thread. It is that slow, so it runs on a sample (the chunk's first conversations, of every
     * channel, about {@link #NAIVE_SAMPLE_WORDS} words) and its words per second are stated in conversations of
     * the whole corpus' average length, the unit of the job's rate.
     */
    static double naiveRate(List<Conversation> conversations, Corpus corpus) {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,parse,sentiment");
        p.setProperty("parse.model", "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
        edu.stanford.nlp.pipeline.StanfordCoreNLP naive = new edu.stanford.nlp.pipeline.StanfordCoreNLP(p);
        long words = 0;
        long t = System.nanoTime();
        for (Conversation c : conversations) {
            for (Utterance u : c.utterances()) {
                naive.annotate(new edu.stanford.nlp.pipeline.Annotation(u.text()));
            }
            words += Corpus.of(List.of(c)).words();
            if (words >= NAIVE_SAMPLE_WORDS) {
                break;
            }
        }
        return words / seconds(t) / (corpus.words() / (double) corpus.conversations());
    }

    static final long NAIVE_SAMPLE_WORDS = 12_000;

    record Corpus(int conversations, int voice, int chat, int email, long utterances, long words) {
        static Corpus of(List<Conversation> all) {
            int[] byChannel = new int[3];
            long utterances = 0;
            long words = 0;
            for (Conversation c : all) {
                byChannel[c.channel().ordinal()]++;
                utterances += c.utterances().size();
                for (Utterance u : c.utterances()) {
                    words += u.wordCount();
                }
            }
            return new Corpus(all.size(), byChannel[Channel.VOICE.ordinal()], byChannel[Channel.CHAT.ordinal()],
                    byChannel[Channel.EMAIL.ordinal()], utterances, words);
        }

        Corpus plus(Corpus o) {
            return new Corpus(conversations + o.conversations, voice + o.voice, chat + o.chat, email + o.email,
                    utterances + o.utterances, words + o.words);
        }

        String describe() {
            return String.format(Locale.ROOT, "%d conversations (voice %d, chat %d, email %d), %.1f utterances and"
                    + " %.0f words each on average", conversations, voice, chat, email,
                    utterances / (double) conversations, words / (double) conversations);
        }
    }

    /**
     * The JVM's CPU time so far. Over a timed part, CPU seconds against wall seconds times cores tells a clean
     * measurement (near 100 %) from one that shared the machine with other work.
     */
    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: reported as 0.
        }
        return 0;
    }

    static String machine(int cores) {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            // Not Linux.
        }
        return String.format(Locale.ROOT, "%s, %d of %d cores, Java %s, heap max %.1f GiB", cpu, cores,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    }

    static void appendRow(Options o, Ceiling ceiling, String cpuShare, double jobRate, Double naive, double startup,
                          NightResult night, double jobSeconds, long peakRss) throws IOException {
        Path report = o.report();
        Corpus corpus = ceiling.night();
        double ceilingRate = ceiling.rate(o.cores());
        if (!Files.exists(report) || Files.readAllLines(report).stream().noneMatch(l -> l.startsWith("| date | machine"))) {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, (Files.exists(report) ? Files.readString(report) : "# Benchmarks\n")
                    + "\n| date | machine | conversations | sentiment | job conv/s/core | ceiling conv/s/core"
                    + " | ratio | naive conv/s/core | start-up s | job s | stages ms | peak RSS MiB |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|\n", StandardCharsets.UTF_8);
        }
        String ceilingOver = ceiling.over().conversations() < corpus.conversations()
                ? String.format(Locale.ROOT, "; ceiling on the first %d", ceiling.over().conversations()) : "";
        String row = String.format(Locale.ROOT, "| %s | %s | %d (%d voice, %d chat, %d email; %.0f words each%s) | %s | %.1f | %.1f |"
                        + " %.2f | %s | %.1f | %.0f | %s | %.0f |%n",
                ZonedDateTime.now(ZoneOffset.UTC).toLocalDate(), machine(o.cores()) + "; " + cpuShare,
                corpus.conversations(),
                corpus.voice(), corpus.chat(), corpus.email(), corpus.words() / (double) corpus.conversations(),
                ceilingOver,
                o.sentiment() ? "on" : "off", jobRate, ceilingRate,
                jobRate / ceilingRate, naive == null ? "—" : String.format(Locale.ROOT, "%.2f", naive), startup,
                jobSeconds, (night.stageMillis() + "; analysis tasks " + night.analysisMillis()).replace("|", "/"),
                peakRss / 1048576.0);
        // The row goes at the end of the results table, so prose after the table stays after it.
        List<String> lines = new ArrayList<>(Files.readAllLines(report, StandardCharsets.UTF_8));
        int at = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| date | machine")) {
                at = i + 1;
                while (at < lines.size() && lines.get(at).startsWith("|")) {
                    at++;
                }
                break;
            }
        }
        lines.add(at, row.strip());
        Files.writeString(report, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.println("added a row to " + report);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
