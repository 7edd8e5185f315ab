package io.rapport.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an email body its sender wrote: quoted history and signatures are cut, so a reply is not analysed
 * again with every message that quotes it. Rules, in order of the body's lines:
 * <ul>
 *   <li>the body ends at a reply header ("On … wrote:", also wrapped over two lines), an Outlook header block
 *       ("-----Original Message-----", or "From:" followed by "Sent:"/"Date:" within four lines, or a line of
 *       underscores), a forwarded-message marker, a signature delimiter ("-- "), or a mobile footer
 *       ("Sent from my …", "Get Outlook for …");</li>
 *   <li>lines quoted with "&gt;" are dropped wherever they are;</li>
 *   <li>after a closing line ("Kind regards,", "Thanks,", …) with at most five short lines below it, those lines
 *       (name, title, phone) are dropped and the closing line is kept.</li>
 * </ul>
 * HTML bodies are first turned into text with quoted {@code <blockquote>} content removed ({@link #fromHtml}).
 */
public final class EmailText {

    private static final Pattern WROTE = Pattern.compile("(?i)^(on\\b.*\\bwrote:|le\\b.*\\ba écrit ?:|am\\b.*\\bschrieb.*:)\\s*$");
    private static final Pattern WROTE_START = Pattern.compile("(?i)^on\\s.*\\d.*");
    private static final Pattern ORIGINAL = Pattern.compile("(?i)^\\s*-{2,}\\s*(original message|forwarded message|begin forwarded message)\\s*-*.*");
    private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\*?from:\\*?\\s+\\S.*");
    private static final Pattern HEADER_SENT = Pattern.compile("(?i)^\\*?(sent|date):\\*?\\s+\\S.*");
    private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE = Pattern.compile("(?i)^(sent from my \\w+.*|get outlook for .*)$");
    private static final Pattern CLOSING = Pattern.compile("(?i)^(kind regards|best regards|warm regards|regards|"
            + "many thanks|thanks|thank you|thanks again|cheers|best|best wishes|all the best|sincerely|yours sincerely"
            + "|yours faithfully)[,.!]?\\s*$");
    private static final int SIGNATURE_LINES = 5;
    static final int MAX_HTML_CHARS = 256 * 1024;

    private EmailText() {
    }

    /** The new text of a plain-text body. */
    public static String newText(String body) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (endsHere(lines, i)) {
                end = i;
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (!lines[i].stripLeading().startsWith(">")) {
                kept.add(lines[i].stripTrailing());
            }
        }
        dropSignatureAfterClosing(kept);
        return String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static boolean endsHere(String[] lines, int i) {
        String line = lines[i].strip();
        if (WROTE.matcher(line).matches() || ORIGINAL.matcher(line).matches() || UNDERSCORES.matcher(line).matches()
                || SIGNATURE.matcher(lines[i]).matches() || MOBILE.matcher(line).matches()) {
            return true;
        }
        if (WROTE_START.matcher(line).matches() && i + 1 < lines.length
                && lines[i + 1].strip().toLowerCase().endsWith("wrote:")) {
            return true;
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int k = i + 1; k < Math.min(lines.length, i + 5); k++) {
                if (HEADER_SENT.matcher(lines[k].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void dropSignatureAfterClosing(List<String> lines) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        for (int k = Math.max(0, nonBlank.size() - 1 - SIGNATURE_LINES); k < nonBlank.size(); k++) {
            int i = nonBlank.get(k);
            if (CLOSING.matcher(lines.get(i).strip()).matches()) {
                if (lines.subList(i + 1, lines.size()).stream().allMatch(l -> l.strip().length() <= 60)) {
                    lines.subList(i + 1, lines.size()).clear();
                }
                return;
            }
        }
    }

    /** Text of an HTML body: quoted blocks, styles and scripts removed, block elements as line breaks. */
    public static String fromHtml(String html) {
        // Bounded so hostile markup cannot make the regular expressions below expensive; no human writes more.
        String s = html.length() > MAX_HTML_CHARS ? html.substring(0, MAX_HTML_CHARS) : html;
        s = s.replaceAll("(?is)<(head|style|script)\\b.*?</\\1\\s*>", "");
        // Gmail and Outlook wrap the quoted history in these; it is never the sender's new text.
        s = s.replaceAll("(?is)<div[^>]*(gmail_quote|divRplyFwdMsg|OutlookMessageHeader)[^>]*>.*", "");
        String before;
        do {
            before = s;
            s = s.replaceAll("(?is)<blockquote\\b(?:(?!<blockquote\\b).)*?</blockquote\\s*>", "");
        } while (!s.equals(before));
        // Line breaks in HTML source are plain spaces; only the markup breaks lines.
        s = s.replaceAll("[\r\n]+", " ");
        s = s.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|div|li|tr|h\\d)\\s*>", "\n")
                .replaceAll("<[^>]*>", "");
        return decodeEntities(s).replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" *\n *", "\n");
    }

    private static String decodeEntities(String s) {
        StringBuilder out = new StringBuilder(s.length());
        var m = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").matcher(s);
        int at = 0;
        while (m.find()) {
            out.append(s, at, m.start());
            String e = m.group(1);
            String decoded = switch (e) {
                case "nbsp" -> " ";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "rsquo", "lsquo" -> "'";
                case "rdquo", "ldquo" -> "\"";
                case "hellip" -> "…";
                case "ndash", "mdash" -> "-";
                default -> numeric(e);
            };
            out.append(decoded == null ? m.group() : decoded);
            at = m.end();
        }
        return out.append(s, at, s.length()).toString();
    }

    private static String numeric(String e) {
        if (!e.startsWith("#")) {
            return null;
        }
        int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
    }
}
