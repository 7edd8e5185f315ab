package io.rapport.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.sample.SampleGenerator.Options;
import io.rapport.sample.SampleGenerator.Summary;
import io.rapport.sample.SampleGenerator.WrittenBadRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 22);
    private static final Set<String> CHANNELS = Set.of("voice", "chat", "email");
    private static final Set<String> SPEAKERS = Set.of("agent", "customer", "system", "bot");
    private static final Set<String> QUEUES = Set.of("billing", "technical", "orders", "cancellations");
    private static final Map<String, String> TEAM_OF_AGENT = Map.of(
            "ag-11", "t-north", "ag-12", "t-north", "ag-13", "t-north",
            "ag-14", "t-south", "ag-15", "t-south", "ag-16", "t-south", "ag-17", "t-south",
            "ag-18", "t-east");
    private static final Set<String> INTERRUPTERS = Set.of("ag-13", "ag-16");
    private static final Pattern ID = Pattern.compile("c-(\\d{8})-\\d{4,}");
    private static final Pattern LEADING_ID = Pattern.compile("^\\{\"conversation_id\":\"(c-\\d{8}-\\d{4,})\"");
    private static final Pattern SECOND_PRECISION_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final String HEADER =
            "conversation_id,channel,started_at,agent_id,team_id,customer_id,queue,utterance_index,speaker,start_ms,end_ms,text";

    @TempDir
    static Path shared;

    /** The shipped default: 48 conversations, seed 42, a quarter to CSV, bad records on. */
    private static Summary defaultNight;
    /** 500 good conversations, all in JSONL, for distribution checks. */
    private static Summary bigNight;
    private static List<JsonNode> bigConversations;

    @BeforeAll
    static void generate() throws IOException {
        defaultNight = SampleGenerator.writeNight(shared.resolve("default"), NIGHT, Options.defaults());
        bigNight = SampleGenerator.writeNight(shared.resolve("big"), NIGHT,
                Options.defaults().withConversations(500).withCsvShare(0).withBadRecords(false));
        bigConversations = new ArrayList<>();
        for (String line : lines(jsonlOf(bigNight))) {
            bigConversations.add(JSON.readTree(line));
        }
    }

    // ---------------------------------------------------------------- determinism

    @Test
    void sameArgumentsGiveByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
        LocalDate to = NIGHT.plusDays(1);
        SampleGenerator.writeRange(tmp.resolve("a"), NIGHT, to, Options.defaults());
        SampleGenerator.writeRange(tmp.resolve("b"), NIGHT, to, Options.defaults());
        SampleGenerator.writeRange(tmp.resolve("seed7"), NIGHT, to, Options.defaults().withSeed(7));

        Map<String, byte[]> a = filesUnder(tmp.resolve("a"));
        Map<String, byte[]> b = filesUnder(tmp.resolve("b"));
        Map<String, byte[]> seed7 = filesUnder(tmp.resolve("seed7"));
        // The marker says the folder is synthetic (the job then allows the demo pseudonym key); it is constant.
        assertEquals(List.of(SampleGenerator.MARKER, "date=2026-11-22/conversations-0001.jsonl",
                "date=2026-11-22/export-0001.csv", "date=2026-11-23/conversations-0001.jsonl",
                "date=2026-11-23/export-0001.csv"), List.copyOf(a.keySet()));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            if (name.equals(SampleGenerator.MARKER)) {
                assertArrayEquals(a.get(name), seed7.get(name));
                continue;
            }
            assertArrayEquals(a.get(name), b.get(name), name + " differs between identical runs");
            assertFalse(Arrays.equals(a.get(name), seed7.get(name)), name + " is the same for seeds 42 and 7");
        }
        assertFalse(Arrays.equals(a.get("date=2026-11-22/conversations-0001.jsonl"),
                a.get("date=2026-11-23/conversations-0001.jsonl")), "two nights must differ");
    }

    @Test
    void rerunningIntoTheSameDirectoryReplacesOldParts(@TempDir Path tmp) throws IOException {
        SampleGenerator.writeNight(tmp, NIGHT, Options.defaults().withConversationsPerFile(10));
        assertTrue(Files.exists(tmp.resolve("date=2026-11-22/conversations-0003.jsonl")));
        SampleGenerator.writeNight(tmp, NIGHT, Options.defaults());
        assertEquals(filesUnder(shared.resolve("default")).keySet(), filesUnder(tmp).keySet());
        for (Map.Entry<String, byte[]> f : filesUnder(tmp).entrySet()) {
            assertArrayEquals(filesUnder(shared.resolve("default")).get(f.getKey()), f.getValue(), f.getKey());
        }
    }

    // ---------------------------------------------------------------- JSONL contract

    @Test
    void everyGoodJsonlLineParsesAndSatisfiesTheContract() throws IOException {
        Set<String> badIds = defaultNight.badRecords().stream().filter(b -> !b.kind().inCsv())
                .map(WrittenBadRecord::conversationId).collect(Collectors.toSet());
        int good = 0;
        for (String line : lines(jsonlOf(defaultNight))) {
            Matcher id = LEADING_ID.matcher(line);
            assertTrue(id.find(), "every line starts with its conversation_id: " + line);
            if (!badIds.contains(id.group(1))) {
                assertEquals(List.of(), contractViolations(JSON.readTree(line), NIGHT), id.group(1));
                good++;
            }
        }
        assertEquals(defaultNight.jsonlConversations(), good);
        assertEquals(48, defaultNight.goodConversations());
        assertEquals(36, defaultNight.jsonlConversations());
        assertEquals(12, defaultNight.csvConversations());

        for (JsonNode c : bigConversations) {
            assertEquals(List.of(), contractViolations(c, NIGHT), c.get("conversation_id").asText());
        }
        assertEquals(500, bigConversations.size());
        assertEquals(500, bigConversations.stream().map(c -> c.get("conversation_id").asText()).distinct().count());
    }

    @Test
    void chatAndEmailTimingLooksLikeMessaging() {
        for (JsonNode c : bigConversations) {
            String channel = c.get("channel").asText();
            JsonNode us = c.get("utterances");
            for (int i = 1; i < us.size(); i++) {
                long gap = us.get(i).get("start_ms").asLong() - us.get(i - 1).get("start_ms").asLong();
                String from = us.get(i - 1).get("speaker").asText();
                String to = us.get(i).get("speaker").asText();
                if (channel.equals("chat") && from.equals("customer") && to.equals("agent")) {
                    assertTrue(gap >= 10_000 && gap <= 180_000, "agent reply gap " + gap + " in " + c.get("conversation_id"));
                }
                if (channel.equals("email")) {
                    assertTrue(gap >= 20 * 60_000L && gap <= 48 * 3_600_000L, "email gap " + gap);
                }
            }
            if (channel.equals("email")) {
                assertTrue(us.size() >= 2 && us.size() <= 6, "email thread of " + us.size());
                assertEquals("customer", us.get(0).get("speaker").asText());
                assertTrue(us.get(0).get("text").asText().contains("\n\n"), "emails have greeting and sign-off paragraphs");
            }
        }
        assertTrue(bigConversations.stream().anyMatch(c -> c.get("channel").asText().equals("email")
                && lastStart(c) > 24 * 3_600_000L), "some email threads run past 24 hours");
    }

    // ---------------------------------------------------------------- realism

    @Test
    void channelMixRosterAndCustomersAreRealistic() {
        Map<String, Integer> channels = countBy(bigConversations, c -> c.get("channel").asText());
        assertBetween(channels.get("voice") / 500.0, 0.50, 0.70, "voice share");
        assertBetween(channels.get("chat") / 500.0, 0.20, 0.40, "chat share");
        assertBetween(channels.get("email") / 500.0, 0.04, 0.16, "email share");

        assertEquals(TEAM_OF_AGENT.keySet(), countBy(bigConversations, c -> c.get("agent_id").asText()).keySet());
        assertEquals(Set.of("ag-18"), bigConversations.stream().filter(c -> c.get("team_id").asText().equals("t-east"))
                .map(c -> c.get("agent_id").asText()).collect(Collectors.toSet()), "t-east is a team of one");

        long nullCustomers = bigConversations.stream().filter(c -> c.get("customer_id").isNull()).count();
        assertBetween(nullCustomers / 500.0, 0.03, 0.14, "share without customer_id");
        assertTrue(bigConversations.stream().anyMatch(c -> c.get("team_id").isNull()), "some team_id is null");
        assertTrue(bigConversations.stream().anyMatch(c -> c.get("queue").isNull()), "some queue is null");

        Map<String, Set<String>> channelsByCustomer = new HashMap<>();
        for (JsonNode c : bigConversations) {
            if (!c.get("customer_id").isNull()) {
                channelsByCustomer.computeIfAbsent(c.get("customer_id").asText(), k -> new HashSet<>())
                        .add(c.get("channel").asText());
            }
        }
        assertBetween(channelsByCustomer.size(), 60, 80, "distinct customers");
        assertTrue(channelsByCustomer.values().stream().anyMatch(s -> s.size() == 3), "a customer uses every channel");
    }

    @Test
    void dialoguesContainTheBehavioursTheDetectorsLookFor() {
        List<String> agentTexts = texts("agent", c -> true);
        for (String phrase : List.of("I understand how frustrating this is, and I want to help",
                "I'm so sorry you", "So what you're saying is", "you should have read the terms", "As I already explained",
                "There's nothing I can do", "Let's", "to recap", "Alternatively")) {
            assertTrue(agentTexts.stream().anyMatch(t -> t.contains(phrase)), "no agent says: " + phrase);
        }
        List<String> customerTexts = texts("customer", c -> true);
        for (String phrase : List.of("that fixes it", "that's all I needed", "I want to speak to a manager",
                "this is still not working", "call back", "legally required", "third time")) {
            assertTrue(customerTexts.stream().anyMatch(t -> t.contains(phrase)), "no customer says: " + phrase);
        }
        assertTrue(texts("system", c -> c.get("channel").asText().equals("voice")).stream()
                .anyMatch(t -> t.startsWith("Thank you for calling")), "IVR prompt at the start of calls");
        assertTrue(texts("system", c -> c.get("channel").asText().equals("chat")).stream()
                .anyMatch(t -> t.contains("joined the chat")), "agent joins chats");
        assertTrue(texts("bot", c -> true).size() > 0, "bot turns");
        assertTrue(texts("system", c -> true).stream().anyMatch(t -> t.contains("transferred")), "transfers");

        // Style is per agent: the empathetic agents never blame.
        Predicate<JsonNode> empathetic = c -> Set.of("ag-11", "ag-14").contains(c.get("agent_id").asText());
        assertFalse(texts("agent", empathetic).stream().anyMatch(t -> t.contains("you should have read the terms")
                || t.contains("There's nothing I can do")));

        long distinct = bigConversations.stream().flatMap(c -> stream(c.get("utterances")))
                .map(u -> u.get("text").asText()).distinct().count();
        long total = bigConversations.stream().mapToLong(c -> c.get("utterances").size()).sum();
        assertTrue(distinct > total / 10, "texts vary: " + distinct + " distinct of " + total);
    }

    @Test
    void voiceCallsHaveBackchannelsInterruptionsAndNaturalTurnTaking() {
        int backchannels = 0;
        Map<String, Integer> agentInterruptions = new TreeMap<>();
        int customerInterruptions = 0;
        int smallOverlaps = 0;
        for (JsonNode c : bigConversations) {
            if (!c.get("channel").asText().equals("voice")) {
                continue;
            }
            String id = c.get("conversation_id").asText();
            List<JsonNode> all = stream(c.get("utterances")).toList();
            List<JsonNode> turns = all.stream().filter(u -> !isBackchannel(u)).toList();
            for (JsonNode u : all) {
                if (isBackchannel(u)) {
                    long duration = end(u) - start(u);
                    assertTrue(duration >= 300 && duration <= 800, "backchannel of " + duration + " ms in " + id);
                    assertTrue(turns.stream().anyMatch(t -> speaker(t).equals("customer")
                                    && start(t) < start(u) && end(u) < end(t)),
                            "backchannel starts and ends inside a customer turn in " + id);
                    backchannels++;
                }
            }
            // Between consecutive turns there is a 150-900 ms gap, the one hold, or a classified overlap.
            int holds = 0;
            for (int i = 1; i < turns.size(); i++) {
                JsonNode prev = turns.get(i - 1);
                JsonNode next = turns.get(i);
                long gap = start(next) - end(prev);
                if (gap >= 0) {
                    if (gap > 900) {
                        holds++;
                        assertTrue(gap >= 3_000, "odd gap of " + gap + " ms in " + id);
                    } else {
                        assertTrue(gap >= 150, "gap of " + gap + " ms in " + id);
                    }
                    continue;
                }
                long overlap = -gap;
                assertTrue(end(next) > end(prev), "an overlapping turn outlasts the one it overlaps in " + id);
                if (overlap <= 300) {
                    assertTrue(overlap >= 50, "overlap of " + overlap + " ms in " + id);
                    smallOverlaps++;
                } else if (speaker(next).equals("agent") && speaker(prev).equals("customer")) {
                    assertTrue(overlap >= 700 && overlap <= 2_500, "agent interruption of " + overlap + " ms in " + id);
                    assertTrue(INTERRUPTERS.contains(c.get("agent_id").asText()), "only ag-13 and ag-16 interrupt: " + id);
                    agentInterruptions.merge(c.get("agent_id").asText(), 1, Integer::sum);
                } else {
                    assertEquals("customer", speaker(next), "unexpected overlap in " + id);
                    assertTrue(overlap >= 400 && overlap <= 1_500, "customer interruption of " + overlap + " ms in " + id);
                    customerInterruptions++;
                }
            }
            assertEquals(1, holds, "one hold per call in " + id);
        }
        assertTrue(backchannels >= 200, "backchannels: " + backchannels);
        assertEquals(INTERRUPTERS, agentInterruptions.keySet());
        assertTrue(agentInterruptions.values().stream().allMatch(n -> n >= 20), "interruptions: " + agentInterruptions);
        assertTrue(customerInterruptions >= 5, "customer interruptions: " + customerInterruptions);
        assertTrue(smallOverlaps >= 100, "small overlaps at turn changes: " + smallOverlaps);
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvParsesBackWithHeaderConsistentColumnsAndQuoting() throws IOException {
        List<CsvRecord> records = readCsv(Files.readString(csvOf(defaultNight), StandardCharsets.UTF_8));
        assertEquals(HEADER, String.join(",", records.get(0).fields()));
        assertEquals(1, records.get(0).line());

        Map<String, List<List<String>>> rowsById = new LinkedHashMap<>();
        List<CsvRecord> wrongWidth = new ArrayList<>();
        for (CsvRecord r : records.subList(1, records.size())) {
            if (r.fields().size() == 12) {
                rowsById.computeIfAbsent(r.fields().get(0), k -> new ArrayList<>()).add(r.fields());
            } else {
                wrongWidth.add(r);
            }
        }
        assertEquals(1, wrongWidth.size(), "exactly one row with the wrong number of fields");
        assertEquals(defaultNight.csvConversations() + 2, rowsById.size(),
                "good CSV conversations, the one with the broken row, and the duplicate id");

        String duplicateId = only(defaultNight, BadRecord.CSV_DUPLICATE_ID).conversationId();
        String brokenRowHost = only(defaultNight, BadRecord.CSV_WRONG_FIELD_COUNT).conversationId();
        for (Map.Entry<String, List<List<String>>> e : rowsById.entrySet()) {
            if (!e.getKey().equals(brokenRowHost)) {
                JsonNode c = toConversation(e.getValue());
                assertEquals(List.of(), contractViolations(c, NIGHT), e.getKey());
            }
        }

        List<String> texts = rowsById.values().stream().flatMap(List::stream).map(r -> r.get(11)).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains(",")), "a text with a comma");
        assertTrue(texts.stream().anyMatch(t -> t.contains("\"")), "a text with a double quote");
        assertTrue(texts.stream().anyMatch(t -> t.contains("\n")), "a text with a line break");

        Set<String> jsonlIds = new HashSet<>();
        for (String line : lines(jsonlOf(defaultNight))) {
            Matcher m = LEADING_ID.matcher(line);
            assertTrue(m.find());
            jsonlIds.add(m.group(1));
        }
        Set<String> inBoth = new TreeSet<>(rowsById.keySet());
        inBoth.retainAll(jsonlIds);
        assertEquals(Set.of(duplicateId), inBoth, "only the duplicate-id conversation is in both files");
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenRfc4180NeedsIt() {
        assertEquals("plain text", CsvSink.field("plain text"));
        assertEquals("", CsvSink.field(null));
        assertEquals("\"a, b\"", CsvSink.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvSink.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvSink.field("two\nlines"));
        assertEquals(List.of(List.of("a, b", "say \"hi\"", "two\nlines", "")), readCsv(String.join(",",
                CsvSink.field("a, b"), CsvSink.field("say \"hi\""), CsvSink.field("two\nlines"), CsvSink.field(null)) + "\n")
                .stream().map(CsvRecord::fields).toList());
    }

    // ---------------------------------------------------------------- bad records

    @Test
    void badRecordsArePresentExactlyAsSpecified() throws IOException {
        Map<BadRecord, Integer> expected = new EnumMap<>(BadRecord.class);
        for (BadRecord b : BadRecord.values()) {
            expected.put(b, 1);
        }
        assertEquals(expected, defaultNight.badRecordCounts());

        List<String> lines = lines(jsonlOf(defaultNight));
        assertEquals(defaultNight.jsonlConversations() + 8, lines.size());
        String jsonlName = jsonlOf(defaultNight).getFileName().toString();
        Set<Integer> badLines = new TreeSet<>();
        for (WrittenBadRecord b : defaultNight.badRecords()) {
            if (b.kind().inCsv()) {
                continue;
            }
            assertEquals(jsonlName, b.file());
            String line = lines.get((int) b.line() - 1);
            Matcher id = LEADING_ID.matcher(line);
            assertTrue(id.find(), b.kind() + " line has its id up front");
            assertEquals(b.conversationId(), id.group(1), b.kind() + " is at the reported line");
            if (b.kind() == BadRecord.MALFORMED_JSON) {
                assertThrows(IOException.class, () -> JSON.readTree(line), "the truncated line must not parse");
            } else {
                JsonNode c = JSON.readTree(line);
                assertEquals(EnumSet.of(b.kind()), defects(c), b.conversationId() + " has exactly its one defect");
            }
            badLines.add((int) b.line());
        }
        // Every other line is a good conversation, so each bad record sits between good ones.
        for (int i = 1; i <= lines.size(); i++) {
            if (!badLines.contains(i)) {
                JsonNode c = JSON.readTree(lines.get(i - 1));
                assertEquals(EnumSet.noneOf(BadRecord.class), defects(c), "line " + i);
            }
        }
        assertTrue(badLines.stream().allMatch(l -> l > 1 && l < lines.size()), "bad lines are mixed in: " + badLines);
        assertTrue(badLines.stream().mapToInt(Integer::intValue).max().getAsInt()
                - badLines.stream().mapToInt(Integer::intValue).min().getAsInt() > lines.size() / 2, "and spread out");

        List<CsvRecord> records = readCsv(Files.readString(csvOf(defaultNight), StandardCharsets.UTF_8));
        WrittenBadRecord wide = only(defaultNight, BadRecord.CSV_WRONG_FIELD_COUNT);
        CsvRecord broken = records.stream().filter(r -> r.fields().size() != 12).findFirst().orElseThrow();
        assertEquals(wide.line(), broken.line(), "broken row is where the summary says");
        assertTrue(broken.fields().size() > 12);
        assertEquals(wide.conversationId(), broken.fields().get(0), "its conversation_id is readable");
        assertFalse(lines.stream().anyMatch(l -> l.contains(wide.conversationId())), "the host is a CSV-only conversation");
        // The host's other rows are complete and consistent, and the broken row is the one index they lack.
        List<List<String>> hostRows = records.stream().skip(1).map(CsvRecord::fields)
                .filter(f -> f.size() == 12 && f.get(0).equals(wide.conversationId())).toList();
        Set<String> indexes = new TreeSet<>();
        for (List<String> row : hostRows) {
            assertEquals(hostRows.get(0).subList(0, 7), row.subList(0, 7));
            assertEquals(broken.fields().subList(0, 7), row.subList(0, 7));
            assertTrue(SPEAKERS.contains(row.get(8)) && !row.get(11).isEmpty());
            indexes.add(row.get(7));
        }
        indexes.add(broken.fields().get(7));
        assertEquals(hostRows.size() + 1, indexes.size());
        assertEquals(Stream.iterate(0, i -> i + 1).limit(indexes.size()).map(String::valueOf).collect(Collectors.toSet()),
                indexes, "the broken row carries the missing utterance_index");

        WrittenBadRecord dup = only(defaultNight, BadRecord.CSV_DUPLICATE_ID);
        CsvRecord dupStart = records.stream().filter(r -> r.line() == dup.line()).findFirst().orElseThrow();
        assertEquals(dup.conversationId(), dupStart.fields().get(0), "duplicate starts where the summary says");
        int jsonlLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"conversation_id\":\"" + dup.conversationId() + "\"")) {
                jsonlLine = i;
            }
        }
        assertTrue(jsonlLine >= 0, "the duplicated id is in the JSONL file");
        JsonNode original = JSON.readTree(lines.get(jsonlLine));
        JsonNode copy = toConversation(records.stream().skip(1).map(CsvRecord::fields)
                .filter(f -> f.size() == 12 && f.get(0).equals(dup.conversationId())).toList());
        assertFalse(original.get("utterances").equals(copy.get("utterances")), "different content under the same id");
    }

    @Test
    void noBadRecordsWhenTurnedOff(@TempDir Path tmp) throws IOException {
        Summary s = SampleGenerator.writeNight(tmp, NIGHT, Options.defaults().withBadRecords(false));
        assertEquals(List.of(), s.badRecords());
        List<String> lines = lines(jsonlOf(s));
        assertEquals(s.jsonlConversations(), lines.size());
        for (String line : lines) {
            assertEquals(List.of(), contractViolations(JSON.readTree(line), NIGHT));
        }
        List<CsvRecord> records = readCsv(Files.readString(csvOf(s), StandardCharsets.UTF_8));
        assertTrue(records.stream().allMatch(r -> r.fields().size() == 12));
        assertEquals(s.csvConversations(), records.stream().skip(1).map(r -> r.fields().get(0)).distinct().count());
    }

    @Test
    void withoutCsvShareTheExportHoldsOnlyTheCsvBadRecords(@TempDir Path tmp) throws IOException {
        Summary s = SampleGenerator.writeNight(tmp, NIGHT, Options.defaults().withCsvShare(0));
        assertEquals(48, s.jsonlConversations());
        assertEquals(10, s.badRecords().size());
        Set<String> csvIds = readCsv(Files.readString(csvOf(s), StandardCharsets.UTF_8)).stream().skip(1)
                .map(r -> r.fields().get(0)).collect(Collectors.toSet());
        assertEquals(Set.of(only(s, BadRecord.CSV_WRONG_FIELD_COUNT).conversationId(),
                only(s, BadRecord.CSV_DUPLICATE_ID).conversationId()), csvIds);
    }

    @Test
    void optionsAreValidated(@TempDir Path tmp) {
        assertThrows(IllegalArgumentException.class,
                () -> SampleGenerator.writeNight(tmp, NIGHT, Options.defaults().withCsvShare(1)),
                "bad records need a JSONL id to duplicate");
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withConversationsPerFile(50_001));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withConversations(0));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withCsvShare(1.5));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withAsrShare(-0.1));
    }

    /**
     * With an ASR share, that fraction of the voice calls is written as raw recognition output (lower case, no
     * punctuation), the same calls otherwise; chats, emails and every other call are byte for byte as without it.
     */
    @Test
    void anAsrShareWritesThatShareOfVoiceCallsUnpunctuatedInLowerCase(@TempDir Path tmp) throws IOException {
        Summary asr = SampleGenerator.writeNight(tmp, NIGHT,
                Options.defaults().withConversations(500).withCsvShare(0).withBadRecords(false).withAsrShare(0.25));
        List<String> plain = lines(jsonlOf(bigNight));
        List<String> recognised = lines(jsonlOf(asr));
        assertEquals(plain.size(), recognised.size());
        int voice = 0;
        int changed = 0;
        for (int i = 0; i < plain.size(); i++) {
            JsonNode a = JSON.readTree(plain.get(i));
            JsonNode b = JSON.readTree(recognised.get(i));
            if (plain.get(i).equals(recognised.get(i))) {
                voice += a.get("channel").asText().equals("voice") ? 1 : 0;
                continue;
            }
            assertEquals("voice", a.get("channel").asText());
            voice++;
            changed++;
            assertEquals(a.get("utterances").size(), b.get("utterances").size());
            for (int k = 0; k < a.get("utterances").size(); k++) {
                String text = b.get("utterances").get(k).get("text").asText();
                assertEquals(text.toLowerCase(Locale.ROOT), text);
                assertFalse(text.matches(".*[.,!?;:].*"), text);
                assertEquals(a.get("utterances").get(k).get("text").asText().toLowerCase(Locale.ROOT)
                        .replaceAll("[.,!?;:\"()]+", " ").trim().replaceAll("\\s+", " "), text);
            }
        }
        assertBetween(changed / (double) voice, 0.18, 0.32, "share of voice calls recognised");
    }

    // ---------------------------------------------------------------- files and CLI

    @Test
    void largeNightsAreSplitIntoNumberedParts(@TempDir Path tmp) throws IOException {
        Summary s = SampleGenerator.writeNight(tmp, NIGHT, Options.defaults().withConversations(120).withConversationsPerFile(25));
        List<String> names = s.files().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("conversations-0001.jsonl", "conversations-0002.jsonl", "conversations-0003.jsonl",
                "conversations-0004.jsonl", "export-0001.csv", "export-0002.csv"), names);
        int jsonlRecords = 0;
        Set<String> csvIds = new HashSet<>();
        for (Path f : s.files()) {
            if (f.toString().endsWith(".jsonl")) {
                int n = lines(f).size();
                assertTrue(n <= 25, f + " has " + n);
                jsonlRecords += n;
            } else {
                List<CsvRecord> records = readCsv(Files.readString(f, StandardCharsets.UTF_8));
                assertEquals(HEADER, String.join(",", records.get(0).fields()), "every part has the header");
                Set<String> ids = records.stream().skip(1).map(r -> r.fields().get(0)).collect(Collectors.toSet());
                assertTrue(ids.size() <= 25, f + " has " + ids.size());
                csvIds.addAll(ids);
            }
        }
        assertEquals(90 + 8, jsonlRecords);
        assertEquals(30 + 2, csvIds.size());
    }

    @Test
    void commandLineWritesEveryNightInTheRange(@TempDir Path tmp) throws IOException {
        SampleGenerator.main(new String[] {"--out", tmp.toString(), "--from", "2026-11-22", "--to", "2026-11-24",
                "--conversations", "20", "--seed", "42", "--csv-share", "0.5", "--bad-records", "false"});
        for (String day : List.of("2026-11-22", "2026-11-23", "2026-11-24")) {
            Path dir = tmp.resolve("date=" + day);
            assertEquals(10, lines(dir.resolve("conversations-0001.jsonl")).size(), day);
            assertTrue(Files.exists(dir.resolve("export-0001.csv")), day);
            for (String line : lines(dir.resolve("conversations-0001.jsonl"))) {
                assertEquals(List.of(), contractViolations(JSON.readTree(line), LocalDate.parse(day)));
            }
        }
    }

    // ---------------------------------------------------------------- contract helpers

    /** Everything a good conversation must satisfy; empty when it does. */
    private static List<String> contractViolations(JsonNode c, LocalDate date) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        c.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(new TreeSet<>(List.of("conversation_id", "channel", "started_at", "agent_id", "team_id",
                "customer_id", "queue", "utterances")))) {
            return List.of("keys " + keys);
        }
        Matcher id = ID.matcher(c.get("conversation_id").asText());
        if (!id.matches() || !id.group(1).equals(date.toString().replace("-", ""))) {
            problems.add("conversation_id " + c.get("conversation_id"));
        }
        String channel = c.get("channel").asText();
        if (!CHANNELS.contains(channel)) {
            problems.add("channel " + channel);
        }
        String startedAt = c.get("started_at").asText();
        if (!SECOND_PRECISION_INSTANT.matcher(startedAt).matches()
                || !LocalDate.ofInstant(Instant.parse(startedAt), ZoneOffset.UTC).equals(date)) {
            problems.add("started_at " + startedAt);
        }
        String agent = c.get("agent_id").asText();
        if (!TEAM_OF_AGENT.containsKey(agent)) {
            problems.add("agent_id " + agent);
        }
        if (!c.get("team_id").isNull() && !c.get("team_id").asText().equals(TEAM_OF_AGENT.get(agent))) {
            problems.add("team_id " + c.get("team_id") + " for " + agent);
        }
        if (!c.get("customer_id").isNull() && !c.get("customer_id").asText().matches("cu-5(0[1-9]|[1-7]\\d|80)")) {
            problems.add("customer_id " + c.get("customer_id"));
        }
        if (!c.get("queue").isNull() && !QUEUES.contains(c.get("queue").asText())) {
            problems.add("queue " + c.get("queue"));
        }
        JsonNode us = c.get("utterances");
        if (!us.isArray() || us.isEmpty()) {
            problems.add("no utterances");
            return problems;
        }
        long previousStart = Long.MIN_VALUE;
        for (JsonNode u : us) {
            if (!SPEAKERS.contains(u.path("speaker").asText())) {
                problems.add("speaker " + u.get("speaker"));
            }
            if (!u.path("start_ms").canConvertToLong() || !u.path("start_ms").isIntegralNumber() || start(u) < 0) {
                problems.add("start_ms " + u.get("start_ms"));
            }
            if (!u.path("text").isTextual() || u.get("text").asText().isBlank()) {
                problems.add("text " + u.get("text"));
            }
            if (channel.equals("voice") && (!u.has("end_ms") || !u.get("end_ms").isIntegralNumber() || end(u) < start(u))) {
                problems.add("voice end_ms " + u.get("end_ms") + " for start " + u.get("start_ms"));
            }
            if (!channel.equals("voice") && u.has("end_ms")) {
                problems.add(channel + " message with end_ms");
            }
            if (start(u) < previousStart) {
                problems.add("not sorted at start_ms " + start(u));
            }
            previousStart = start(u);
        }
        if (channel.equals("voice")) {
            long duration = stream(us).mapToLong(SampleGeneratorTest::end).max().orElse(0);
            if (us.size() < 20 || us.size() > 70) {
                problems.add(us.size() + " voice utterances");
            }
            if (duration < 120_000 || duration > 720_000) {
                problems.add("voice call of " + duration + " ms");
            }
        }
        return problems;
    }

    /** Which single-defect bad-record kinds a parsed line shows, judged from the contract alone. */
    private static Set<BadRecord> defects(JsonNode c) {
        Set<BadRecord> found = EnumSet.noneOf(BadRecord.class);
        boolean voice = c.path("channel").asText().equals("voice");
        if (!c.has("agent_id")) {
            found.add(BadRecord.MISSING_AGENT_ID);
        }
        if (!CHANNELS.contains(c.path("channel").asText())) {
            found.add(BadRecord.UNKNOWN_CHANNEL);
        }
        if (c.path("utterances").isEmpty()) {
            found.add(BadRecord.EMPTY_UTTERANCES);
        }
        for (JsonNode u : c.path("utterances")) {
            if (!SPEAKERS.contains(speaker(u))) {
                found.add(BadRecord.UNKNOWN_SPEAKER);
            }
            if (start(u) < 0) {
                found.add(BadRecord.NEGATIVE_START);
            }
            if (voice && !u.has("end_ms")) {
                found.add(BadRecord.MISSING_END_MS);
            }
            if (voice && u.has("end_ms") && end(u) < start(u)) {
                found.add(BadRecord.END_BEFORE_START);
            }
        }
        return found;
    }

    /** Rebuilds the JSON shape from one conversation's CSV rows, checking the repeated columns agree. */
    private static JsonNode toConversation(List<List<String>> rows) {
        assertFalse(rows.isEmpty());
        List<String> first = rows.get(0);
        ObjectNode c = JSON.createObjectNode();
        String[] names = {"conversation_id", "channel", "started_at", "agent_id", "team_id", "customer_id", "queue"};
        for (int i = 0; i < names.length; i++) {
            if (first.get(i).isEmpty()) {
                c.putNull(names[i]);
            } else {
                c.put(names[i], first.get(i));
            }
        }
        ArrayNode us = c.putArray("utterances");
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            assertEquals(first.subList(0, 7), row.subList(0, 7), "conversation columns repeat on every row of " + first.get(0));
            assertEquals(String.valueOf(i), row.get(7), "utterance_index runs 0.. in order for " + first.get(0));
            ObjectNode u = us.addObject();
            u.put("speaker", row.get(8));
            u.put("start_ms", Long.parseLong(row.get(9)));
            if (!row.get(10).isEmpty()) {
                u.put("end_ms", Long.parseLong(row.get(10)));
            }
            u.put("text", row.get(11));
        }
        return c;
    }

    // ---------------------------------------------------------------- RFC 4180 reader

    /** A CSV record and the physical line it starts on. */
    private record CsvRecord(long line, List<String> fields) {
    }

    /** Strict RFC 4180 (with "\n" line ends): quoted fields may hold commas, "" and line breaks. */
    private static List<CsvRecord> readCsv(String text) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        long line = 1;
        long recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inQuotes) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    inQuotes = false;
                    afterClosingQuote = true;
                } else {
                    line += ch == '\n' ? 1 : 0;
                    field.append(ch);
                }
            } else if (ch == ',' || ch == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
                if (ch == '\n') {
                    records.add(new CsvRecord(recordLine, fields));
                    fields = new ArrayList<>();
                    line++;
                    recordLine = line;
                }
            } else {
                if (afterClosingQuote || ch == '\r' || (ch == '"' && field.length() > 0)) {
                    throw new IllegalArgumentException("malformed CSV at line " + line + ": " + ch);
                }
                if (ch == '"') {
                    inQuotes = true;
                } else {
                    field.append(ch);
                }
            }
        }
        if (inQuotes || field.length() > 0 || !fields.isEmpty()) {
            throw new IllegalArgumentException("CSV does not end with a complete record");
        }
        return records;
    }

    // ---------------------------------------------------------------- small helpers

    private static boolean isBackchannel(JsonNode u) {
        return speaker(u).equals("agent") && Phrases.BACKCHANNELS.contains(u.get("text").asText());
    }

    private static List<String> texts(String speaker, Predicate<JsonNode> conversation) {
        return bigConversations.stream().filter(conversation).flatMap(c -> stream(c.get("utterances")))
                .filter(u -> speaker(u).equals(speaker)).map(u -> u.get("text").asText()).toList();
    }

    private static WrittenBadRecord only(Summary s, BadRecord kind) {
        List<WrittenBadRecord> matches = s.badRecords().stream().filter(b -> b.kind() == kind).toList();
        assertEquals(1, matches.size(), kind.toString());
        return matches.get(0);
    }

    private static Path jsonlOf(Summary s) {
        return s.files().stream().filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }

    private static Path csvOf(Summary s) {
        Path csv = s.files().stream().filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
        assertNotNull(csv, "night has a CSV export");
        return csv;
    }

    /** JSON Lines: every record ends with "\n", nothing after the last one. */
    private static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && !text.contains("\r"), file + " uses \\n line ends");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static Map<String, byte[]> filesUnder(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Map<String, Integer> countBy(List<JsonNode> conversations, Function<JsonNode, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        conversations.forEach(c -> counts.merge(key.apply(c), 1, Integer::sum));
        return counts;
    }

    private static void assertBetween(double value, double lo, double hi, String what) {
        assertTrue(value >= lo && value <= hi, what + " = " + value + ", expected " + lo + ".." + hi);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static long lastStart(JsonNode c) {
        JsonNode us = c.get("utterances");
        return start(us.get(us.size() - 1));
    }

    private static String speaker(JsonNode u) {
        return u.path("speaker").asText();
    }

    private static long start(JsonNode u) {
        return u.path("start_ms").asLong();
    }

    private static long end(JsonNode u) {
        return u.path("end_ms").asLong();
    }
}
