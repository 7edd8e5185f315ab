package io.rapport.ingest;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email landing files: one RFC 5322 message per file ({@code .eml}) or many in an mbox (messages separated by
 * {@code From } lines, body lines starting with "From " escaped as "&gt;From "). Each message becomes an
 * {@link IngestResult.EmailPart}; {@link EmailThreads} groups the night's messages into conversations. The
 * charset of each MIME part is honoured, so Latin-1 and UTF-8 mail can sit in the same mbox.
 */
final class EmailFormat implements TranscriptFormat {

    private static final Pattern HEADER = Pattern.compile("(?i)^(return-path|received|from|to|cc|subject|date|"
            + "message-id|mime-version|delivered-to|reply-to|in-reply-to|references|content-type|thread-topic|"
            + "thread-index|dkim-signature|authentication-results|arc-[a-z-]+|x-[a-z0-9-]+|sender|importance):.*");
    private static final Pattern MBOX_FROM = Pattern.compile("^From \\S+.*");
    private static final Pattern ESCAPED_FROM = Pattern.compile("^>(>*From .*)");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    /** Created on first use, so nights without email never load Jakarta Mail. */
    private static final class Mail {
        static final Session SESSION = withOwnClassLoader(() -> Session.getInstance(strictnessOff()));
    }

    /**
     * Jakarta Mail finds its implementation with a ServiceLoader on the thread's context class loader; on a Spark
     * executor that loader cannot see the job jar, so the call runs with the loader that loaded this class.
     */
    private static <T> T withOwnClassLoader(java.util.function.Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailFormat.class.getClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Properties strictnessOff() {
        Properties p = new Properties();
        // Real mail breaks the RFCs often (bare addresses, odd dates); read what can be read.
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        return p;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean recognizes(FileHead head) {
        return MBOX_FROM.matcher(head.firstLine()).matches() || HEADER.matcher(head.firstLine()).matches();
    }

    @Override
    public RecordSource open(String file, InputStream in, IngestSettings settings) {
        BoundedLineReader lines = new BoundedLineReader(in, settings.maxRecordBytes(), true);
        return new RecordSource() {
            private boolean mbox;
            private boolean started;

            @Override
            public IngestResult next() throws IOException {
                BoundedLineReader.Line first = lines.next();
                while (first != null && first.problem() == null && first.text().isBlank()) {
                    first = lines.next();
                }
                if (first == null) {
                    return null;
                }
                if (!started) {
                    started = true;
                    mbox = MBOX_FROM.matcher(first.text()).matches();
                }
                long startLine = first.number();
                StringBuilder message = new StringBuilder();
                boolean oversized = first.problem() != null;
                long bytes = 0;
                if (!mbox || !MBOX_FROM.matcher(first.text()).matches()) {
                    message.append(first.text()).append("\r\n");
                    bytes += first.text().length() + 2;
                }
                boolean previousBlank = false;
                for (BoundedLineReader.Line l = lines.peek(); l != null; l = lines.peek()) {
                    if (mbox && previousBlank && l.problem() == null && MBOX_FROM.matcher(l.text()).matches()) {
                        break;
                    }
                    lines.next();
                    oversized |= l.problem() != null;
                    bytes += l.text().length() + 2;
                    oversized |= bytes > settings.maxRecordBytes();
                    if (!oversized) {
                        Matcher escaped = mbox ? ESCAPED_FROM.matcher(l.text()) : null;
                        message.append(escaped != null && escaped.matches() ? escaped.group(1) : l.text()).append("\r\n");
                    }
                    previousBlank = l.text().isEmpty();
                }
                SourceRecord source = new SourceRecord(file, startLine, preview(message));
                if (oversized) {
                    return new IngestResult.Quarantined(source, null, ReasonCode.OVERSIZED_RECORD,
                            "the email starting on line " + startLine + " is larger than the maximum record size of "
                                    + settings.maxRecordBytes() + " bytes");
                }
                return parse(source, message.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    private static String preview(StringBuilder message) {
        String raw = message.length() > SourceRecord.MAX_RAW_CHARS ? message.substring(0, SourceRecord.MAX_RAW_CHARS)
                : message.toString();
        return new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static IngestResult parse(SourceRecord source, byte[] bytes) {
        return withOwnClassLoader(() -> parseMime(source, bytes));
    }

    private static IngestResult parseMime(SourceRecord source, byte[] bytes) {
        try {
            MimeMessage m = new MimeMessage(Mail.SESSION, new ByteArrayInputStream(bytes));
            String from = address(m.getHeader("From", ","));
            if (from == null && m.getHeader("From") == null && m.getHeader("Message-ID") == null) {
                return new IngestResult.Quarantined(source, null, ReasonCode.MALFORMED_EMAIL,
                        "line " + source.line() + ": no From or Message-ID header, so this is not an email message");
            }
            Date date = m.getSentDate();
            String auto = m.getHeader("Auto-Submitted", null);
            boolean autoReply = (auto != null && !auto.trim().equalsIgnoreCase("no"))
                    || m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null;
            Body body = new Body();
            body.collect(m, 0);
            String text = body.plain != null ? body.plain : body.html != null ? EmailText.fromHtml(body.html) : "";
            return new IngestResult.EmailPart(source, new EmailMessage(firstId(m.getHeader("Message-ID", " ")),
                    firstId(m.getHeader("In-Reply-To", " ")), ids(m.getHeader("References", " ")), from,
                    address(m.getHeader("To", ",")), date == null ? null : date.getTime(),
                    m.getSubject(), EmailText.newText(text), autoReply));
        } catch (MessagingException | IOException | RuntimeException e) {
            return new IngestResult.Quarantined(source, null, ReasonCode.MALFORMED_EMAIL,
                    "line " + source.line() + ": the message cannot be parsed as MIME: " + e.getMessage());
        }
    }

    /** The first address of an address header, lower case; null when there is none or it cannot be read. */
    private static String address(String header) {
        if (header == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            return parsed.length == 0 || parsed[0].getAddress() == null ? null
                    : parsed[0].getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return null;
        }
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = MESSAGE_ID.matcher(header);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The first text/plain and text/html parts that are not attachments, depth first. */
    private static final class Body {
        private static final int MAX_DEPTH = 8;
        String plain;
        String html;

        void collect(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
                for (int i = 0; i < multipart.getCount() && (plain == null || html == null); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, depth + 1);
                }
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = text(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = text(part);
            } else if (depth == 0 && part.getContentType() == null) {
                plain = text(part);
            }
        }

        /** Decoded transfer encoding, then the declared charset; undeclared or unknown: UTF-8, else Windows-1252. */
        private static String text(Part part) throws MessagingException, IOException {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String declared = null;
            try {
                declared = part.getContentType() == null ? null
                        : new ContentType(part.getContentType()).getParameter("charset");
            } catch (MessagingException ignored) {
                // A broken Content-Type line: fall through to the guesses below.
            }
            if (declared != null) {
                try {
                    return new String(bytes, Charset.forName(MimeUtility.javaCharset(declared)));
                } catch (RuntimeException ignored) {
                    // Unknown charset name: guess like an undeclared part.
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, Charset.forName("windows-1252"));
            }
        }
    }
}
