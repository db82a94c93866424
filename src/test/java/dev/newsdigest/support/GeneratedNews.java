package dev.newsdigest.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Generated news for load tests and benchmarks: RSS feeds whose items link to article pages spread over several
 * page servers, each page a realistic article (site navigation, scripts, a cookie banner, related links and a
 * footer around a few paragraphs with indicators).
 */
public final class GeneratedNews {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private GeneratedNews() {
    }

    /** The path of article {@code n}'s page. */
    public static String pagePath(int n) {
        return "/articles/story-" + n + ".html";
    }

    /** An RSS 2.0 feed holding articles {@code from} to {@code to - 1}, each page on {@code pages[n % pages.size()]}. */
    public static String feed(String name, int from, int to, List<WebServer> pages, Instant publishedAt) {
        StringBuilder items = new StringBuilder();
        for (int n = from; n < to; n++) {
            String link = pages.get(n % pages.size()).url(pagePath(n));
            items.append("<item><title>").append(title(n)).append("</title><link>").append(link).append("</link>")
                    .append("<guid>").append(link).append("</guid><pubDate>").append(RFC_1123.format(publishedAt.minusSeconds(n)))
                    .append("</pubDate><description>").append(lead(n)).append("</description></item>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + name
                + "</title><link>https://news.example.com/</link>\n" + items + "</channel></rss>";
    }

    public static String title(int n) {
        return "Threat actors exploit flaw " + n + " in edge appliance " + (n % 7);
    }

    private static String lead(int n) {
        return "Attackers are exploiting CVE-2026-" + (10000 + n) + " in a widely used edge appliance to gain a foothold.";
    }

    /** Serves the pages of articles {@code from} to {@code to - 1} on {@code host}, each answering after {@code delayMillis}. */
    public static void servePages(WebServer host, int from, int to, long delayMillis) {
        for (int n = from; n < to; n++) {
            host.serve(pagePath(n), 200, "text/html; charset=utf-8", page(n));
            if (delayMillis > 0) {
                host.delay(pagePath(n), delayMillis);
            }
        }
    }

    /** The article page of story {@code n}. */
    public static String page(int n) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title(n)).append(" | Example Security News</title>");
        html.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}")
                .append("gtag('js',new Date());gtag('config','G-EXAMPLE');</script>".repeat(200));
        html.append("<style>").append("body{font-family:sans-serif}.nav a{margin:0 4px}.footer{color:#777}".repeat(200)).append("</style>");
        html.append("</head><body><header class=\"site-header\"><nav class=\"nav\">");
        for (int i = 0; i < 40; i++) {
            html.append("<a href=\"/category/").append(i).append("\">Section ").append(i).append("</a>");
        }
        html.append("</nav></header><div class=\"cookie-banner\">We use cookies to improve your experience. Accept all?</div>");
        html.append("<main><article class=\"article\"><h1>").append(title(n)).append("</h1><p class=\"byline\">By Staff Writer</p>");
        html.append("<div class=\"article-body\">");
        html.append("<p>").append(lead(n)).append(" The vendor released fixed versions on Tuesday, and urged customers to upgrade")
                .append(" at once, because exploitation began before the patch was available.</p>");
        html.append("<p>Researchers observed the attackers connecting from 203.0.113.").append(n % 250)
                .append(" and downloading a second-stage loader from update-check-").append(n)
                .append(".example.net, which then installed a web shell on the appliance.</p>");
        html.append("<p>The loader has the SHA-256 hash ").append(sha256Like(n))
                .append(", and the campaign has been linked to a financially motivated group that sells access to ransomware affiliates.</p>");
        html.append("<p>Administrators should apply the update, review the appliance logs for unexpected administrative sessions,")
                .append(" rotate credentials stored on the device, and restrict the management interface to trusted networks.</p>");
        html.append("<p>The agency added the flaw to its catalogue of known exploited vulnerabilities, giving federal agencies")
                .append(" three weeks to patch, and said that it had seen the same technique in attacks on other edge devices this year.</p>");
        html.append("</div></article><aside class=\"related\"><h2>Related</h2><ul>");
        for (int i = 1; i <= 15; i++) {
            html.append("<li><a href=\"/articles/story-").append(n + i).append(".html\">").append(title(n + i)).append("</a></li>");
        }
        html.append("</ul></aside></main><footer class=\"footer\">");
        html.append("<p>Copyright 2026 Example Security News. All rights reserved. Terms of use. Privacy policy.</p>".repeat(10));
        html.append("</footer><script src=\"/static/app.js\"></script></body></html>");
        return html.toString();
    }

    private static String sha256Like(int n) {
        String seed = String.format("%08x", n * 2654435761L & 0xffffffffL);
        return seed.repeat(8);
    }
}
