package io.rapport.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT subtitles as recording and meeting tools emit them (W3C WebVTT): a {@code WEBVTT} header, then cues
 * {@code 00:01:02.500 --> 00:01:04.000} whose text names its speaker with a voice span {@code <v Agent>} or a
 * {@code Name:} prefix. The file is one voice conversation and one record; each cue is an utterance. A cue without
 * a speaker continues the previous cue's speaker.
 *
 * <p>Speakers: a voice called Agent (or Rep, Advisor, Support) is the agent, Customer (or Caller, Client) the
 * customer. Tools that write people's names need the sidecar's {@code agent_speaker}: that voice is the agent,
 * every other voice the customer. Conversation id defaults to the file's base name, which is also the sidecar key;
 * start time and agent come from the sidecar.
 */
final class WebVttFormat implements TranscriptFormat {

    private static final Pattern TIMING = Pattern.compile(
            "(\\S+)\\s+-->\\s+(\\S+)(?:\\s.*)?");
    private static final Pattern TIMESTAMP = Pattern.compile("(?:(\\d{1,9}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})");
    private static final Pattern VOICE = Pattern.compile("^\\s*<v(?:\\.[^\\s>]*)?\\s+([^>]+)>");
    private static final Pattern NAME_PREFIX = Pattern.compile("^\\s*([\\p{L}][\\p{L}.' -]{0,40}):\\s+");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern AGENT = Pattern.compile("(?i)(agent|rep|representative|advisor|adviser|support)\\b.*");
    private static final Pattern CUSTOMER = Pattern.compile("(?i)(customer|caller|client)\\b.*");

    @Override
    public String name() {
        return "webvtt";
    }

    @Override
    public boolean recognizes(FileHead head) {
        String first = head.firstLine();
        return first.equals("WEBVTT") || first.startsWith("WEBVTT ") || first.startsWith("WEBVTT\t");
    }

    @Override
    public RecordSource open(String file, InputStream in, IngestSettings settings) throws IOException {
        return TranscriptFormat.single(read(file, new BoundedLineReader(in, settings.maxRecordBytes()), settings));
    }

    /** A cue as written: where it starts, its timing, its text lines joined. */
    private record Cue(long line, long startMs, long endMs, String text) {
    }

    private IngestResult read(String file, BoundedLineReader lines, IngestSettings settings) throws IOException {
        String key = JsonDocumentFormat.baseName(file);
        StringBuilder raw = new StringBuilder();
        long firstLine = 0;
        long bytes = 0;
        List<Cue> cues = new ArrayList<>();
        List<BoundedLineReader.Line> block = new ArrayList<>();
        try {
            boolean header = true;
            for (BoundedLineReader.Line line = lines.next(); ; line = lines.next()) {
                if (line != null && line.problem() != null) {
                    IngestResult.Quarantined q = TranscriptFormat.lineProblem(file, line, lines.maxLineBytes());
                    throw new InvalidRecordException(q.code(), q.message());
                }
                if (line != null) {
                    bytes += line.text().length() + 1;
                    if (bytes > settings.maxRecordBytes()) {
                        throw new InvalidRecordException(ReasonCode.OVERSIZED_RECORD, "the WebVTT file is larger than"
                                + " the maximum record size of " + settings.maxRecordBytes() + " bytes");
                    }
                    if (raw.length() < SourceRecord.MAX_RAW_CHARS) {
                        raw.append(line.text()).append('\n');
                    }
                    if (firstLine == 0 && !line.text().isBlank()) {
                        firstLine = line.number();
                    }
                }
                if (line == null || line.text().isBlank()) {
                    if (!block.isEmpty()) {
                        if (!header) {
                            cue(block).ifPresent(cues::add);
                        }
                        header = false;
                        block.clear();
                    }
                    if (line == null) {
                        break;
                    }
                } else {
                    block.add(line);
                }
            }
            SourceRecord source = new SourceRecord(file, firstLine, raw.toString());
            return new IngestResult.Accepted(source, settings.metadata().complete(name(), key,
                    draft(key, cues, settings.metadata().lookup(key))));
        } catch (InvalidRecordException e) {
            SidecarMetadata.Row row = settings.metadata().lookup(key);
            return IngestResult.Quarantined.of(new SourceRecord(file, Math.max(1, firstLine), raw.toString()),
                    row != null && row.conversationId() != null ? row.conversationId() : key, e);
        }
    }

    /** A block's cue; NOTE, STYLE and REGION blocks are not cues. */
    private static java.util.Optional<Cue> cue(List<BoundedLineReader.Line> block) throws InvalidRecordException {
        String first = block.get(0).text();
        if (first.startsWith("NOTE") || first.startsWith("STYLE") || first.startsWith("REGION")) {
            return java.util.Optional.empty();
        }
        int timing = first.contains("-->") ? 0 : 1;
        if (timing >= block.size() || !block.get(timing).text().contains("-->")) {
            throw new InvalidRecordException(ReasonCode.MALFORMED_WEBVTT,
                    "line " + block.get(0).number() + ": a cue block without a timing line (start --> end)");
        }
        BoundedLineReader.Line timingLine = block.get(timing);
        Matcher m = TIMING.matcher(timingLine.text().trim());
        if (!m.matches()) {
            throw new InvalidRecordException(ReasonCode.MALFORMED_WEBVTT,
                    "line " + timingLine.number() + ": '" + Json.abbreviate(timingLine.text()) + "' is not a cue timing");
        }
        long start = millis(m.group(1), timingLine.number());
        long end = millis(m.group(2), timingLine.number());
        StringBuilder text = new StringBuilder();
        for (BoundedLineReader.Line l : block.subList(timing + 1, block.size())) {
            text.append(text.length() == 0 ? "" : " ").append(l.text().trim());
        }
        return java.util.Optional.of(new Cue(timingLine.number(), start, end, text.toString()));
    }

    private static long millis(String timestamp, long line) throws InvalidRecordException {
        Matcher t = TIMESTAMP.matcher(timestamp);
        if (!t.matches()) {
            throw new InvalidRecordException(ReasonCode.MALFORMED_WEBVTT, "line " + line + ": '"
                    + Json.abbreviate(timestamp) + "' is not a WebVTT timestamp such as 00:01:02.500");
        }
        long hours = t.group(1) == null ? 0 : Long.parseLong(t.group(1));
        return ((hours * 60 + Long.parseLong(t.group(2))) * 60 + Long.parseLong(t.group(3))) * 1000
                + Long.parseLong(t.group(4));
    }

    private ConversationDraft draft(String key, List<Cue> cues, SidecarMetadata.Row metadata)
            throws InvalidRecordException {
        boolean voices = cues.stream().anyMatch(c -> VOICE.matcher(c.text()).find());
        List<String> speakers = new ArrayList<>(cues.size());
        List<String> texts = new ArrayList<>(cues.size());
        String previous = null;
        for (Cue c : cues) {
            Matcher m = (voices ? VOICE : NAME_PREFIX).matcher(c.text());
            String speaker = previous;
            String text = c.text();
            if (m.find()) {
                speaker = m.group(1).trim();
                text = text.substring(m.end());
            } else if (previous == null) {
                throw new InvalidRecordException(ReasonCode.UNKNOWN_SPEAKER, "line " + c.line()
                        + ": the first cue names no speaker (a voice span <v Agent> or a 'Name:' prefix)");
            }
            speakers.add(speaker);
            texts.add(plain(text));
            previous = speaker;
        }
        Set<String> names = new LinkedHashSet<>(speakers);
        String agentVoice = metadata == null ? null : metadata.agentSpeaker();
        List<ConversationDraft.UtteranceDraft> utterances = new ArrayList<>(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            String role = role(speakers.get(i), agentVoice);
            if (role == null) {
                throw new InvalidRecordException(ReasonCode.UNKNOWN_SPEAKER, "line " + cues.get(i).line() + ": voice '"
                        + speakers.get(i) + "' is neither an agent nor a customer (voices: " + names + "); name the"
                        + " agent's voice in the agent_speaker column of the sidecar row '" + key + "'");
            }
            utterances.add(new ConversationDraft.UtteranceDraft(role, cues.get(i).startMs(), cues.get(i).endMs(),
                    texts.get(i)));
        }
        return new ConversationDraft(key, "voice", null, null, null, null, null, utterances);
    }

    private static String role(String voice, String agentVoice) {
        if (agentVoice != null) {
            return voice.equalsIgnoreCase(agentVoice.trim()) ? "agent" : "customer";
        }
        if (AGENT.matcher(voice).matches()) {
            return "agent";
        }
        return CUSTOMER.matcher(voice).matches() ? "customer" : null;
    }

    /** Cue text without markup: tags removed, the common character references decoded, spaces collapsed. */
    static String plain(String text) {
        return TAG.matcher(text).replaceAll("").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
                .replace("&lrm;", "").replace("&rlm;", "").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }
}
