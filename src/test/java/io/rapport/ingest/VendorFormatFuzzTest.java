package io.rapport.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated malformed input for every vendor adapter: each sample file is truncated, bit-flipped, given invalid
 * UTF-8, control characters, huge numbers, wrong types, deep nesting and random bytes, and read both with
 * detection and with the adapter forced. Nothing may throw; every result must be a conversation that passed
 * validation or a quarantine entry with a reason; a one-record format must give exactly one result per file.
 */
class VendorFormatFuzzTest {

    private static final int VARIANTS_PER_FILE = 120;
    private static final Map<String, String> FORMAT_OF = Map.of(
            "transcribe-call-analytics/", "transcribe-call-analytics", "contact-lens/", "contact-lens",
            "ccai/", "ccai-insights", "webvtt/", "webvtt", "email/", "email");

    @Test
    void malformedVendorFilesAreQuarantinedWithAReasonAndNeverCrash() throws Exception {
        IngestSettings settings = new IngestSettings(256 * 1024, FormatFixtures.settings().metadata(),
                FormatFixtures.AGENT_DOMAINS);
        Random random = new Random(20261123);
        Map<ReasonCode, Integer> reasons = new EnumMap<>(ReasonCode.class);
        int accepted = 0;
        int files = 0;
        for (String fixture : FormatFixtures.files()) {
            String format = FORMAT_OF.entrySet().stream().filter(e -> fixture.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (format == null) {
                continue;
            }
            byte[] original = Files.readAllBytes(FormatFixtures.ROOT.resolve(fixture));
            for (int v = 0; v < VARIANTS_PER_FILE; v++) {
                byte[] mutated = mutate(original, random, v);
                for (Optional<String> forced : List.of(Optional.<String>empty(), Optional.of(format))) {
                    files++;
                    List<IngestResult> results = read(fixture, mutated, settings, forced);
                    List<IngestResult.EmailPart> parts = new ArrayList<>();
                    for (IngestResult r : results) {
                        assertNotNull(r.source().file());
                        if (r instanceof IngestResult.Quarantined q) {
                            assertNotNull(q.code(), fixture);
                            assertFalse(q.message().isBlank(), fixture);
                            reasons.merge(q.code(), 1, Integer::sum);
                        } else if (r instanceof IngestResult.EmailPart p) {
                            parts.add(p);
                        } else {
                            accepted++;
                        }
                    }
                    boolean oneRecord = !format.equals("email") && forced.isPresent();
                    if (oneRecord) {
                        assertEquals(1, results.size(), fixture + " variant " + v + " forced " + format);
                    }
                    for (IngestResult r : EmailThreads.assemble(parts, settings)) {
                        assertTrue(r instanceof IngestResult.Accepted || r instanceof IngestResult.Quarantined);
                    }
                }
            }
        }
        // The mutations must actually exercise the quarantine paths, not only produce accepted files.
        assertTrue(reasons.getOrDefault(ReasonCode.MALFORMED_JSON, 0) > 50, reasons.toString());
        assertTrue(reasons.getOrDefault(ReasonCode.INVALID_ENCODING, 0) > 10, reasons.toString());
        assertTrue(reasons.getOrDefault(ReasonCode.MALFORMED_WEBVTT, 0) > 5, reasons.toString());
        assertTrue(reasons.getOrDefault(ReasonCode.OVERSIZED_RECORD, 0) > 5, reasons.toString());
        assertTrue(accepted > 0 && files > 1000, files + " files, " + accepted + " accepted");
    }

    @Test
    void unknownRolesAndMissingOffsetsNameTheSegment() throws Exception {
        String doc = new String(Files.readAllBytes(FormatFixtures.ROOT.resolve(
                "transcribe-call-analytics/billing-dispute.json")), StandardCharsets.UTF_8);
        IngestSettings settings = FormatFixtures.settings();
        IngestResult.Quarantined role = (IngestResult.Quarantined) read("t.json",
                doc.replace("\"ParticipantRole\": \"CUSTOMER\"", "\"ParticipantRole\": \"SUPERVISOR\"")
                        .getBytes(StandardCharsets.UTF_8), settings, Optional.empty()).get(0);
        assertEquals(ReasonCode.UNKNOWN_SPEAKER, role.code());
        assertTrue(role.message().contains("'supervisor'"), role.message());
        IngestResult.Quarantined offset = (IngestResult.Quarantined) read("t.json",
                doc.replaceFirst("\"BeginOffsetMillis\": \\d+,", "").getBytes(StandardCharsets.UTF_8), settings,
                Optional.empty()).get(0);
        assertEquals(ReasonCode.MISSING_FIELD, offset.code());
        assertTrue(offset.message().contains("start_ms"), offset.message());
        assertEquals("billing-dispute-0412", offset.conversationId());
    }

    private static List<IngestResult> read(String file, byte[] bytes, IngestSettings settings, Optional<String> forced) {
        List<IngestResult> out = new ArrayList<>();
        try {
            new TranscriptFileReader(settings, forced).read(file, new ByteArrayInputStream(bytes))
                    .forEachRemaining(out::add);
        } catch (RuntimeException e) {
            fail(file + " threw " + e, e);
        }
        return out;
    }

    /** One of several kinds of damage, chosen by the variant number so every kind is applied to every file. */
    private static byte[] mutate(byte[] original, Random random, int variant) {
        byte[] b = original.clone();
        String text = new String(original, StandardCharsets.ISO_8859_1);
        return switch (variant % 10) {
            case 0 -> Arrays.copyOf(b, random.nextInt(b.length));
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield b;
            }
            case 2 -> splice(b, random.nextInt(b.length), new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            case 3 -> splice(b, random.nextInt(b.length), "\u0000\u0007\u001b[2J\r\u0085".getBytes(StandardCharsets.UTF_8));
            case 4 -> text.replaceFirst("\\d{3,}", "9".repeat(30 + random.nextInt(400))).getBytes(StandardCharsets.ISO_8859_1);
            case 5 -> text.replaceFirst("\"(Content|text|Transcript|entries|transcriptSegments)\"\\s*:",
                    "\"$1\": {\"x\": [1, 2]}, \"ignored\":").getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> splice(b, text.indexOf('\n') + 1, ("[".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
            case 7 -> {
                byte[] junk = new byte[1 + random.nextInt(4096)];
                random.nextBytes(junk);
                int firstLine = Math.max(1, text.indexOf('\n') + 1);
                yield splice(Arrays.copyOf(b, firstLine), firstLine, junk);
            }
            case 8 -> text.replaceAll("-->", "==>").replaceAll("(?m)^Date:", "X-Date:").replaceAll("Millis\"", "Mills\"")
                    .getBytes(StandardCharsets.ISO_8859_1);
            default -> splice(b, b.length / 2, "A".repeat(300 * 1024).getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }
}
