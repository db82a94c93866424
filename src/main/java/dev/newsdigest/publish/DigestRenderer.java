package dev.newsdigest.publish;

import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Incident;
import dev.newsdigest.model.Ioc;
import dev.newsdigest.text.Defang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.newsdigest.config.Messages;
import dev.newsdigest.config.Tlp;
import com.github.mustachejava.Mustache;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link Digest} as the Markdown (from a template) and JSON of {@code docs/digest-example}. Everything that came from a
 * feed, a page or the model is escaped as plain text; the only links are the item URLs.
 */
public class DigestRenderer {
    /** CVE lines shown under one item; the rest are counted on one more line. */
    static final int MAX_CVE_LINES = CveLine.MAX_LINES;

    /** Made on first use: a run with nothing to do never loads Jackson. */
    private final com.google.common.base.Supplier<ObjectMapper> json = com.google.common.base.Suppliers.memoize(() -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
    private final DefaultPrettyPrinter printer;
    /** The items shown in full ({@code digest.news.max-full}); the rest one line each. 0: all. */
    private final int maxFull;

    /**
     * The Markdown template, compiled on first use. Values are escaped for Markdown before they reach it, so it writes
     * them as they are (Mustache's own escaping is for HTML).
     */
    private final com.google.common.base.Supplier<Mustache> template = com.google.common.base.Suppliers.memoize(
            () -> new VerbatimMustache("templates").compile("digest.md.mustache"));

    /** Every item in full. */
    public DigestRenderer() {
        this(0);
    }

    /** The first {@code maxFull} items in full, the rest one line each under その他のニュース; 0: every item in full. */
    public DigestRenderer(int maxFull) {
        this.printer = dev.newsdigest.text.JsonLayout.printer(); // "key": value and [] for an empty list, as in the example
        this.maxFull = maxFull;
    }

    /** The digest JSON, UTF-8: the {@code .json} file and, later, the webhook body. */
    public byte[] json(Digest digest) {
        try {
            return (json.get().writer(printer).writeValueAsString(digest) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The digest as Markdown, from {@code templates/digest.md.mustache} and the words of its language. */
    public String markdown(Digest d) {
        Messages m = Messages.of(d.language());
        Map<String, Object> view = new HashMap<>(m.tree());
        view.put("date", d.date());
        if (d.tlp() != null) {
            Tlp tlp = Tlp.parse(d.tlp());
            view.put("tlp", Map.of("label", text(d.tlp()), "definition", tlp == null ? "" : tlp.definition()));
        }
        view.put("actions", d.actions().stream().map(a -> Map.of("link", link(a.title(), a.url()), "reason", why(a, m))).toList());
        view.put("overview", text(d.overview()));
        int full = maxFull == 0 ? d.items().size() : Math.min(maxFull, d.items().size());
        view.put("items", d.items().subList(0, full).stream().map(item -> Map.of("title", followUpMark(item, m) + text(item.title()),
                "url", url(item.url()), "lists", lists(item, d, m))).toList());
        if (full < d.items().size()) {
            view.put("moreNews", Map.of("lines", d.items().subList(full, d.items().size()).stream().map(item -> oneLine(item, m)).toList()));
        }
        view.put("incidents", d.incidents().stream().map(i -> Map.of("title", text(i.title()) + d.items().stream()
                .filter(item -> item.storyKeyOrUrl().equals(i.storyKey())).findFirst()
                .map(item -> m.format("incident.seeNews", text(item.title()))).orElse(""), "url", url(i.url()))).toList());
        view.put("feedLine", feedLine(d, m));
        StringWriter out = new StringWriter();
        template.get().execute(out, view);
        return out.toString();
    }

    private static String followUpMark(DigestItem item, Messages m) {
        return item.followUp() == null ? "" : m.get("digest.followUp");
    }

    /** An item beyond {@code digest.news.max-full}: {@code [title](url) — <event type>}, escaped like the rest. */
    private static String oneLine(DigestItem item, Messages m) {
        String type = item.eventType() == null ? null
                : m.has("eventType." + item.eventType()) ? m.get("eventType." + item.eventType()) : item.eventType();
        String title = followUpMark(item, m) + (item.title() == null ? "" : item.title());
        return link(title, item.url()) + (type == null ? "" : " — " + text(type));
    }

    /**
     * The model's reason, then why the entry stands where it does: {@code (自社製品: FortiWeb, KEV)}, or its EPSS or
     * CVSS; escaped for Markdown. A ticket says the same.
     */
    public static String why(Digest.Action a, Messages m) {
        List<String> parts = new java.util.ArrayList<>();
        if (a.ours()) {
            parts.add(m.format("actions.ours", String.join(", ", a.watchlist())));
        }
        if (a.inKev()) {
            parts.add("KEV");
        } else if (!a.ours() && a.epss() != null) {
            parts.add("EPSS " + CveLine.probability(a.epss()));
        } else if (!a.ours() && a.cvss() != null) {
            parts.add(String.format(java.util.Locale.ROOT, "CVSS %.1f", a.cvss()));
        }
        String reason = a.reason() == null ? "" : a.reason().strip();
        String because = parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
        return text(reason.isEmpty() ? because : because.isEmpty() ? reason : reason + " " + because);
    }

    /** The lists under an item: the five of the example, and its CVE context after the IOCs when it names a CVE. */
    private static List<Map<String, Object>> lists(DigestItem item, Digest d, Messages m) {
        List<Map<String, Object>> lists = new java.util.ArrayList<>();
        if (item.followUp() != null) {
            lists.add(Map.of("label", text(followUpLine(item.followUp(), m)), "entries", List.of()));
        }
        lists.add(list(m.get("digest.summary"), texts(item.summary()), m.get("digest.unknown")));
        lists.add(list(m.get("digest.iocs"), item.iocs().stream().map(ioc -> ioc(ioc, m)).toList(), m.get("digest.noIocs")));
        if (!item.cveContexts().isEmpty()) {
            lists.add(list(m.get("digest.cves"), cveLines(item.cveContexts(), m), ""));
        }
        lists.add(list(m.get("digest.recommendations"), texts(item.recommendations()), m.get("digest.unknown")));
        lists.add(list(m.get("digest.other"), texts(item.notes()), m.get("digest.unknown")));
        lists.add(list(m.get("digest.aiRecommendations"), texts(item.aiRecommendations()), m.get("digest.none")));
        if (item.sourceList().size() > 1) {
            // a story told by several articles: each of them, linked, on one line
            lists.add(Map.of("label", m.get("digest.sources") + ": " + item.sourceList().stream().map(s -> link(s.source(), s.url()))
                    .collect(Collectors.joining(", ")), "entries", List.of()));
        }
        List<String> incidents = d.incidents().stream().filter(i -> item.storyKeyOrUrl().equals(i.storyKey())).map(i -> text(i.title())).toList();
        if (!incidents.isEmpty()) {
            lists.add(Map.of("label", m.format("digest.alsoIncident", String.join(" / ", incidents)), "entries", List.of()));
        }
        return lists;
    }

    /**
     * An item's CVE lines, most severe first ({@link CveLine#MOST_SEVERE_FIRST}), at most {@link #MAX_CVE_LINES}, then
     * how many more there are ({@code 他 1990 件}): an article listing a vendor's whole advisory must not bury the digest.
     * The JSON keeps every id.
     */
    static List<String> cveLines(List<CveContext> cves, Messages m) {
        return CveLine.capped(cves, m).stream().map(DigestRenderer::text).toList();
    }

    /** What is new in a follow-up since the story was last published, from the stored fields. */
    static String followUpLine(DigestItem.FollowUp f, Messages m) {
        List<String> parts = new java.util.ArrayList<>();
        if (!f.newCves().isEmpty()) {
            parts.add(m.format("followUp.newCves", String.join(", ", f.newCves())));
        }
        if (!f.newVictims().isEmpty()) {
            parts.add(m.format("followUp.newVictims", String.join(", ", f.newVictims())));
        }
        if (!f.nowInKev().isEmpty()) {
            parts.add(m.format("followUp.nowInKev", String.join(", ", f.nowInKev())));
        }
        if (f.patchReleased()) {
            parts.add(m.get("followUp.patch"));
        }
        if (f.newIocs() > 0) {
            parts.add(m.format("followUp.newIocs", f.newIocs()));
        }
        return m.format("followUp.label", f.previousDay()) + ": " + (parts.isEmpty() ? m.get("followUp.nothing") : String.join(m.get("followUp.separator"), parts));
    }

    private static String feedLine(Digest d, Messages m) {
        String line = d.feeds().stream().map(f -> {
            String count = m.format("feed.newItems", f.newItems());
            String detail = f.ok() ? count : m.format("feed.failures", count, f.consecutiveFailures(), text(f.error()));
            return text(f.id()) + " " + m.format("feed.detail", m.get(f.ok() ? "feed.ok" : "feed.failed"), detail);
        }).collect(Collectors.joining(" / "));
        if (!d.cveSourceStates().isEmpty()) {
            line += " / " + m.get("cve.status") + ": " + d.cveSourceStates().stream().map(s -> {
                String state = s.ok() ? m.get("feed.ok") : m.format("cve.sourceFailed", text(s.error()),
                        s.missing() > 0 ? m.format("cve.sourceMissing", s.missing()) : m.get("cve.sourceStale"));
                return text(s.source()) + " " + (s.ok() && s.missing() > 0 ? m.format("cve.sourceMissing", s.missing()) : state);
            }).collect(Collectors.joining(", "));
        }
        return d.usage().budgetReached() ? line + " / " + m.get("feed.budgetReached") : line;
    }

    /** One of the five lists under an item, its placeholder when it is empty; {@code entries} are already Markdown-safe. */
    private static Map<String, Object> list(String label, List<String> entries, String placeholder) {
        return Map.of("label", label, "entries", entries.isEmpty() ? List.of(placeholder) : entries);
    }

    private static List<String> texts(List<String> entries) {
        return entries.stream().map(DigestRenderer::text).toList();
    }

    /** Plain text safe in Markdown: one line, with every character Markdown or HTML would interpret escaped. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.replaceAll("\\s+", " ").strip().toCharArray()) {
            if ("\\`*_[]<>#|~&!{}".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An item URL as it may stand in Markdown: http(s) only, characters that would end or break it encoded. */
    static String url(String url) {
        if (url == null || !url.matches("(?i)https?://.+")) {
            return text(url);
        }
        StringBuilder out = new StringBuilder();
        for (char c : url.strip().toCharArray()) {
            if (c <= ' ' || "<>\"`\\*[]()|{}^".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String link(String title, String url) {
        return url != null && url.matches("(?i)https?://.+") ? "[" + text(title) + "](" + url(url) + ")" : text(title);
    }

    /** An IOC of an item's list: defanged, and, when only less trusted feeds than the item's lead name it, which. */
    private static String ioc(Ioc ioc, Messages m) {
        return ioc.onlyFromList().isEmpty() ? defang(ioc) : defang(ioc) + " " + m.format("digest.iocOnlyFrom", text(String.join(", ", ioc.onlyFromList())));
    }

    /** An IOC as Markdown shows it: defanged, so that no reader clicks it, and escaped. */
    static String defang(Ioc ioc) {
        String v = ioc.value();
        String shown = switch (ioc.type()) {
            case "ipv4", "domain" -> v.replace(".", "[.]");
            case "ipv6" -> v.replaceFirst(":", "[:]");
            case "email" -> v.replace("@", "[@]").replace(".", "[.]");
            case "url" -> defangUrl(v);
            default -> v;
        };
        // escape what remains, but keep the defanging brackets as they are
        return text(shown).replace("\\[.\\]", "[.]").replace("\\[@\\]", "[@]").replace("\\[:\\]", "[:]");
    }

    private static String defangUrl(String v) {
        return Defang.url(v);
    }
}
