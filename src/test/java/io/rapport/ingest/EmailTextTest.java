package io.rapport.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmailTextTest {

    @Test
    void gmailReplyHeaderAndQuotedLinesAreCut() {
        String body = """
                Thanks, that fixed it.

                On Sat, 21 Nov 2026 at 09:12, Dana Whitfield <dana.w@example.net> wrote:
                > I was charged twice.
                > Please refund me.
                """;
        assertEquals("Thanks, that fixed it.", EmailText.newText(body));
    }

    @Test
    void replyHeaderWrappedOverTwoLinesIsCut() {
        String body = "Done, thank you.\n\nOn Mon, 23 Nov 2026 at 10:02, Jane Doe <jane@example.com>\nwrote:\n> old\n";
        assertEquals("Done, thank you.", EmailText.newText(body));
    }

    @Test
    void outlookHeaderBlockWithoutQuoteMarksIsCut() {
        String body = """
                The refund arrived, thanks.

                -----Original Message-----
                From: Priya <priya.n@help.example-telco.com>
                Sent: 21 November 2026 10:44
                Subject: RE: refund
                I have refunded the payment.
                """;
        assertEquals("The refund arrived, thanks.", EmailText.newText(body));
        String bare = "Still broken.\n\nFrom: Leo <leo@help.example-telco.com>\nSent: Saturday\nTo: me\nOld text\n";
        assertEquals("Still broken.", EmailText.newText(bare));
    }

    @Test
    void aFromLineInTheTextIsNotAHeaderBlock() {
        String body = "From what I can tell it drops every hour.\nPlease help.";
        assertEquals(body, EmailText.newText(body));
    }

    @Test
    void signatureDelimiterAndMobileFooterEndTheText() {
        assertEquals("Call me back please.", EmailText.newText("Call me back please.\n-- \nDana Whitfield\n+44 7700 900123\n"));
        assertEquals("OK.", EmailText.newText("OK.\n\nSent from my iPhone\n"));
    }

    @Test
    void nameAndTitleBelowAClosingAreDroppedButTheClosingStays() {
        String body = "I have booked the engineer for Tuesday.\n\nKind regards,\nLeo\nTechnical Support Team\nNorthwind Telecom\n";
        assertEquals("I have booked the engineer for Tuesday.\n\nKind regards,", EmailText.newText(body));
    }

    @Test
    void aClosingWordFollowedByRealTextIsKept() {
        String body = "Thanks,\nbut the router still drops every hour and I have now lost three calls in a row this week, which is not acceptable.";
        assertEquals(body, EmailText.newText(body));
    }

    @Test
    void htmlLosesQuotedBlocksMarkupAndEntities() {
        String html = "<html><head><style>p{color:red}</style></head><body><p>I&#39;m sorry &amp; I will fix it.</p>\n"
                + "<div>Regards,<br>\nLeo</div><blockquote>old <blockquote>older</blockquote> text</blockquote></body></html>";
        assertEquals("I'm sorry & I will fix it.\n\nRegards,", EmailText.newText(EmailText.fromHtml(html)).replaceAll("\n+", "\n\n"));
        assertEquals("New text", EmailText.newText(EmailText.fromHtml(
                "<div>New text</div><div class=\"gmail_quote\">On Mon wrote:<blockquote>x</blockquote></div>")));
    }
}
