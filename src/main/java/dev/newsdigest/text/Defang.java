package dev.newsdigest.text;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes URLs unclickable the way analysts write them ({@code hxxps://evil[.]example/x}): in IOC lists and in prose taken
 * from pages and feeds, where a GFM renderer would otherwise turn a live {@code http://} or {@code www.} address into a link.
 */
public final class Defang {
    private static final Pattern URL_IN_PROSE = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'）」』]+");

    private Defang() {
    }

    /** One URL: {@code http} becomes {@code hxxp} and the dots of its host {@code [.]}. */
    public static String url(String v) {
        String scheme = v.replaceFirst("(?i)^http", "hxxp");
        try {
            String host = URI.create(v).getRawAuthority();
            if (host != null) {
                int at = scheme.indexOf(host);
                if (at >= 0) {
                    return scheme.substring(0, at) + host.replace(".", "[.]") + scheme.substring(at + host.length());
                }
            }
        } catch (IllegalArgumentException ignored) {
            // not a parseable URL: defang every dot
        }
        return scheme.replace(".", "[.]");
    }

    /** Every URL in a text defanged; {@code www.} addresses too. */
    public static String urlsIn(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = URL_IN_PROSE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            String shown = found.regionMatches(true, 0, "www.", 0, 4) ? found.replace(".", "[.]") : url(found);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
