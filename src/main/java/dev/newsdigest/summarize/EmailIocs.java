package dev.newsdigest.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailboxes and XMPP accounts in running text. The domain is a name under a public suffix (or a reserved documentation
 * name), or an IP literal, bracketed ({@code user@[192.0.2.1]}, {@code user@[IPv6:2001:db8::1]}) or not
 * ({@code user@192.0.2.1}); a name that goes on past what is checked ({@code user@example.com.tld}) is no mailbox. An
 * address is XMPP when the text introduces it so ({@code xmpp:}, "Jabber:", "via XMPP") or when its server is named as a
 * Jabber/XMPP server ({@code swissjabber.de}, {@code jabber.zone}, {@code xmpp_chat.example.com}).
 */
final class EmailIocs {
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:"
            + "(\\[(?:(?i:IPv6):[0-9A-Fa-f:.]+|\\d{1,3}(?:\\.\\d{1,3}){3})\\])"
            + "|(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.]*\\d)"
            + "|([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.[A-Za-z][A-Za-z0-9-]+)(?![A-Za-z0-9_-]|\\.[A-Za-z0-9]))");
    /** An address introduced as XMPP/Jabber is a chat account, not a mailbox. */
    private static final Pattern XMPP_LABEL = Pattern.compile("(?i)(?:xmpp|jabber)\\W{0,3}(?:\\w+\\W{1,3}){0,3}$");
    private static final Pattern XMPP_SERVER = Pattern.compile("(?i)(?:^|[.@])[a-z0-9_-]*(?:jabber|xmpp)[a-z0-9_-]*\\.");

    private EmailIocs() {
    }

    /** One address: its type, value (lower-cased), place, and the domain or IP it is at. */
    record Address(String type, String value, int start, int end, String domain) {
    }

    static List<Address> find(String plain) {
        List<Address> found = new ArrayList<>();
        Matcher m = EMAIL.matcher(plain);
        while (m.find()) {
            String name = m.group(3);
            if (name != null && !HostNames.validMailDomain(name)) {
                continue;
            }
            String value = m.group().toLowerCase(Locale.ROOT);
            String domain = name != null ? name.toLowerCase(Locale.ROOT) : m.group(2) != null ? m.group(2)
                    : m.group(1).substring(1, m.group(1).length() - 1).replaceFirst("(?i)^IPv6:", "");
            int lineStart = Math.max(plain.lastIndexOf('\n', m.start() - 1) + 1, m.start() - 40);
            boolean xmpp = XMPP_LABEL.matcher(plain.substring(lineStart, m.start())).find()
                    || (name != null && XMPP_SERVER.matcher("@" + domain).find());
            found.add(new Address(xmpp ? "xmpp" : "email", value, m.start(), m.end(), domain));
        }
        return found;
    }
}
