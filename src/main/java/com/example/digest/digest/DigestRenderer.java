package com.example.digest.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link Digest} as the Markdown and JSON of {@code docs/digest-example}. Everything that came from a
 * feed, a page or the model is escaped as plain text; the only links are the item URLs.
 */
public class DigestRenderer {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final DefaultPrettyPrinter printer;

    public DigestRenderer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        // "key": value and [] for an empty list, as in the example
        this.printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter);
        this.printer.indentArraysWith(indenter);
    }

    /** The digest JSON, UTF-8: the {@code .json} file and, later, the webhook body. */
    public byte[] json(Digest digest) {
        try {
            return (json.writer(printer).writeValueAsString(digest) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String markdown(Digest d) {
        Labels l = Labels.of(d.language());
        StringBuilder md = new StringBuilder();
        md.append("# ").append(l.heading()).append(' ').append(d.date()).append("\n\n");
        md.append("## ").append(l.actions()).append("\n\n");
        if (d.actions().isEmpty()) {
            md.append(l.noActions()).append('\n');
        }
        for (Digest.Action a : d.actions()) {
            md.append("- ").append(link(a.title(), a.url())).append(": ").append(text(a.reason())).append('\n');
        }
        md.append("\n## ").append(l.overview()).append("\n\n").append(text(d.overview())).append("\n\n");
        md.append("## ").append(l.news()).append("\n\n");
        for (DigestItem item : d.items()) {
            md.append("### ").append(text(item.title())).append('\n').append(url(item.url())).append("\n\n");
            list(md, l.summary(), texts(item.summary()), l.unknown());
            list(md, l.iocs(), item.iocs().stream().map(DigestRenderer::defang).toList(), l.noIocs());
            list(md, l.recommendations(), texts(item.recommendations()), l.unknown());
            list(md, l.other(), texts(item.notes()), l.unknown());
            list(md, l.aiRecommendations(), texts(item.aiRecommendations()), l.none());
            md.append('\n');
        }
        md.append("### ").append(l.incidents()).append('\n');
        if (d.incidents().isEmpty()) {
            md.append("- ").append(l.noIncidents()).append('\n');
        }
        for (Incident i : d.incidents()) {
            md.append("- ").append(text(i.title())).append('(').append(url(i.url())).append(")\n");
        }
        md.append("\n---\n").append(l.feedStatus()).append(": ").append(feedLine(d, l)).append('\n');
        return md.toString();
    }

    private static String feedLine(Digest d, Labels l) {
        String line = d.feeds().stream().map(f -> {
            String count = String.format(l.newItems(), f.newItems());
            String detail = f.ok() ? count : String.format(l.failures(), count, f.consecutiveFailures(), text(f.error()));
            return text(f.id()) + " " + String.format(l.feedDetail(), f.ok() ? l.feedOk() : l.feedFailed(), detail);
        }).collect(Collectors.joining(" / "));
        return d.usage().budgetReached() ? line + " / " + l.budgetReached() : line;
    }

    private static List<String> texts(List<String> entries) {
        return entries.stream().map(DigestRenderer::text).toList();
    }

    /** One of the five lists under an item; {@code entries} are already Markdown-safe. */
    private static void list(StringBuilder md, String label, List<String> entries, String placeholder) {
        md.append("- ").append(label).append('\n');
        if (entries.isEmpty()) {
            md.append("    - ").append(placeholder).append('\n');
        }
        for (String entry : entries) {
            md.append("    - ").append(entry).append('\n');
        }
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
