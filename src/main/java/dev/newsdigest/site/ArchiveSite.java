package dev.newsdigest.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdigest.config.Messages;
import dev.newsdigest.delivery.AtomFeed;
import dev.newsdigest.delivery.MailHtml;
import dev.newsdigest.delivery.OutputFiles.OutputFile;
import dev.newsdigest.state.StateStore.DayDigest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The static archive under {@code digests/site/}, rebuilt from the state on every publish, so that a plain web server, a
 * wiki's static hosting or a browser opening the folder from disk shows every published day:
 * <ul>
 * <li>{@code index.html}: the days, newest first, with each one's TLP, 課題 count and news count, and the stories told
 * over several days;</li>
 * <li>{@code <day>.html}: the day's digest, its Markdown rendered as the mail renders it, each item anchored by its
 * story, and a 続報 linked to the day its story began and to the story's page;</li>
 * <li>{@code stories/<id>.html}: a story that spans days, each day's telling in order;</li>
 * <li>{@code search.html}, {@code search.js} and {@code search-index.js}: a search that runs in the browser, with no
 * server, over a character-bigram index ({@link SearchIndex});</li>
 * <li>{@code site.css}, and {@code feed.atom}: the Atom feed linking the day pages (none when
 * {@code digest.atom.entries} is 0).</li>
 * </ul>
 * Every value from a feed, a page or the model reaches a page as a text node, never as markup. The pages load nothing
 * from elsewhere, and their Content-Security-Policy allows only the site's own script and style sheet.
 */
public class ArchiveSite {
    /** The folder under {@code digest.output.dir}. */
    public static final String DIR = "site/";
    /** The policy of every page, as a meta tag and, served, as a header: nothing but the site's own files. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'self'";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String language;
    private final String siteUrl;
    private final MailHtml html;
    private final AtomFeed atom;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * {@code language}: the site's words ({@code digest.language}); {@code siteUrl}: where the site is served
     * ({@code digest.site.url}, no trailing slash), empty when unknown; {@code atom}: the feed the site carries.
     */
    public ArchiveSite(String language, String siteUrl, MailHtml html, AtomFeed atom) {
        this.language = language;
        this.siteUrl = siteUrl == null ? "" : siteUrl.replaceAll("/+$", "");
        this.html = html;
        this.atom = atom;
    }

    /** Every file of the site for {@code latest} (each day's latest revision, newest day first), under {@link #DIR}. */
    public List<OutputFile> build(List<DayDigest> latest) {
        Messages m = Messages.of(language);
        List<Day> days = new ArrayList<>();
        for (DayDigest d : latest) {
            days.add(new Day(d, read(d.json())));
        }
        Map<String, Story> stories = stories(days);
        List<OutputFile> files = new ArrayList<>();
        files.add(resource("site.css"));
        files.add(resource("search.js"));
        for (Day day : days) {
            files.add(page(day.digest.day() + ".html", dayPage(day, stories, m)));
        }
        for (Story story : stories.values()) {
            if (story.spansDays()) {
                files.add(page("stories/" + story.id + ".html", storyPage(story, m)));
            }
        }
        files.add(new OutputFile(DIR + "search-index.js", SearchIndex.of(days.stream().map(Day::json).toList()).script()));
        files.add(page("search.html", searchPage(m)));
        if (feed() && !latest.isEmpty()) {
            files.add(new OutputFile(DIR + "feed.atom", atom.write(latest.subList(0, Math.min(latest.size(), atom.days())),
                    siteUrl.isEmpty() ? "" : siteUrl + "/", siteUrl.isEmpty() ? null : siteUrl + "/feed.atom")));
        }
        // the index last: a reader who follows its links finds every page it names already written
        files.add(page("index.html", indexPage(days, stories, m)));
        return files;
    }

    /** Whether the site carries the Atom feed: not when {@code digest.atom.entries} is 0. */
    private boolean feed() {
        return atom.days() > 0;
    }

    /** A day, its digest read once. */
    private record Day(DayDigest digest, JsonNode json) {
        String date() {
            return digest.day().toString();
        }
    }

    /** A story's tellings, oldest day first: the day and the item. */
    private static final class Story {
        final String id;
        final List<Day> days = new ArrayList<>();
        final List<JsonNode> items = new ArrayList<>();

        Story(String id) {
            this.id = id;
        }

        boolean spansDays() {
            return days.size() > 1;
        }

        Day first() {
            return days.get(0);
        }
    }

    private Map<String, Story> stories(List<Day> days) {
        Map<String, Story> stories = new LinkedHashMap<>();
        for (int i = days.size() - 1; i >= 0; i--) {
            Day day = days.get(i);
            for (JsonNode item : day.json.path("items")) {
                Story story = stories.computeIfAbsent(storyKey(item), k -> new Story(SearchIndex.anchorOf(k)));
                if (story.days.isEmpty() || story.days.get(story.days.size() - 1) != day) {
                    story.days.add(day);
                    story.items.add(item);
                }
            }
        }
        return stories;
    }

    static String storyKey(JsonNode item) {
        String key = item.path("storyKey").asText("");
        return key.isEmpty() ? item.path("url").asText("") : key;
    }

    private Document dayPage(Day day, Map<String, Story> stories, Messages m) {
        Document doc = SitePage.shell(language, feed(), m.get("digest.heading") + " " + day.date(), "");
        Element main = doc.getElementById("main");
        Element body = html.body(day.digest.markdown());
        for (Element child : new ArrayList<>(body.children())) {
            main.appendChild(child);
        }
        markTlp(main);
        // the template heads each item shown in full with an h3, in the items' order, then その他のニュース and the
        // breach incidents with one each
        List<Element> headings = new ArrayList<>();
        Element moreNews = null;
        for (Element h3 : main.select("h3")) {
            if (h3.text().equals(m.get("digest.moreNews"))) {
                moreNews = h3.nextElementSibling();
            } else if (!h3.text().equals(m.get("digest.incidents"))) {
                headings.add(h3);
            }
        }
        int at = 0;
        for (JsonNode item : day.json.path("items")) {
            Story story = stories.get(storyKey(item));
            if (at < headings.size()) {
                Element heading = headings.get(at++);
                heading.id(story.id);
                if (story.spansDays()) {
                    Element link = heading.nextElementSibling();
                    (link != null && link.tagName().equals("p") && link.select("a").size() == 1 ? link : heading).after(storyLine(day, story, "", m));
                }
            } else if (moreNews != null) {
                String url = item.path("url").asText("");
                for (Element a : moreNews.select("li > a")) {
                    if (a.attr("href").equals(url) && a.parent().id().isEmpty()) {
                        a.parent().id(story.id);
                        break;
                    }
                }
            }
        }
        main.appendElement("p").addClass("revision")
                .text(m.format("site.revision", day.digest.revision(), SHOWN.format(day.digest.published())));
        return doc;
    }

    /** Under an item of a story told on several days: where it began (for a 続報) and the story's page. */
    private static Element storyLine(Day day, Story story, String root, Messages m) {
        Element line = new Element("p").addClass("story");
        Day first = story.first();
        if (first != day) {
            String began = m.get("site.began");
            int at = began.indexOf("%s");
            line.appendText(began.substring(0, at));
            line.appendElement("a").attr("href", root + first.date() + ".html#" + story.id).text(first.date());
            line.appendText(began.substring(at + 2) + " · ");
        }
        line.appendElement("a").attr("href", root + "stories/" + story.id + ".html")
                .text(m.get("site.storyLink") + " (" + m.format("site.storyDays", story.days.size()) + ")");
        return line;
    }

    /** The TLP paragraph ({@code **TLP:AMBER**: …}) gets the class its colour hangs on. */
    private static void markTlp(Element main) {
        for (Element strong : main.select("p > strong")) {
            String label = strong.text();
            if (label.startsWith("TLP:") && strong.parent().child(0) == strong) {
                strong.parent().addClass("tlp").addClass("tlp-" + label.substring(4).replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
                break;
            }
        }
    }

    private Document storyPage(Story story, Messages m) {
        JsonNode latest = story.items.get(story.items.size() - 1);
        String title = latest.path("title").asText(latest.path("originalTitle").asText(""));
        Document doc = SitePage.shell(language, feed(), title, "../");
        Element main = doc.getElementById("main");
        main.appendElement("h1").text(title);
        main.appendElement("p").text(m.get("site.story") + ": " + m.format("site.storyDays", story.days.size()) + " ("
                + story.first().date() + " – " + story.days.get(story.days.size() - 1).date() + ")");
        Element list = main.appendElement("ol").addClass("story-days");
        for (int i = 0; i < story.days.size(); i++) {
            Day day = story.days.get(i);
            JsonNode item = story.items.get(i);
            Element entry = list.appendElement("li");
            Element h2 = entry.appendElement("h2");
            h2.appendElement("a").attr("href", "../" + day.date() + ".html#" + story.id).text(day.date());
            h2.appendText(" " + (i == 0 ? m.get("site.firstSeen") + ": " : m.get("digest.followUp")) + item.path("title").asText(""));
            Element summary = entry.appendElement("ul");
            for (JsonNode line : item.path("summary")) {
                summary.appendElement("li").text(line.asText());
            }
            Element sources = entry.appendElement("p").text(m.get("digest.sources") + ": ");
            List<JsonNode> links = new ArrayList<>();
            item.path("sources").forEach(links::add);
            if (links.isEmpty()) {
                links.add(item);
            }
            for (int s = 0; s < links.size(); s++) {
                JsonNode source = links.get(s);
                String href = source.path("url").asText("");
                if (s > 0) {
                    sources.appendText(", ");
                }
                Element a = sources.appendElement("a").text(source.path("source").asText(href));
                if (href.matches("(?i)https?://\\S+")) {
                    a.attr("href", href).attr("rel", "noopener");
                }
            }
        }
        return doc;
    }

    private Document indexPage(List<Day> days, Map<String, Story> stories, Messages m) {
        Document doc = SitePage.shell(language, feed(), m.get("site.archive"), "");
        if (feed()) {
            doc.head().appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                    .attr("href", "feed.atom").attr("title", m.get("site.feed"));
        }
        Element main = doc.getElementById("main");
        main.appendElement("h1").text(m.get("site.archive"));
        Element table = main.appendElement("table").addClass("days");
        table.appendElement("caption").text(m.get("site.days"));
        Element head = table.appendElement("thead").appendElement("tr");
        for (String key : List.of("site.day", "site.tlp", "site.actions", "site.news")) {
            head.appendElement("th").attr("scope", "col").text(m.get(key));
        }
        Element rows = table.appendElement("tbody");
        for (Day day : days) {
            Element row = rows.appendElement("tr");
            row.appendElement("th").attr("scope", "row").appendElement("a").attr("href", day.date() + ".html").text(day.date());
            row.appendElement("td").text(day.json.path("tlp").asText(""));
            row.appendElement("td").text(Integer.toString(day.json.path("actions").size()));
            row.appendElement("td").text(Integer.toString(day.json.path("items").size()));
        }
        List<Story> told = stories.values().stream().filter(Story::spansDays)
                .sorted((a, b) -> b.days.get(b.days.size() - 1).digest.day().compareTo(a.days.get(a.days.size() - 1).digest.day()))
                .toList();
        if (!told.isEmpty()) {
            main.appendElement("h2").text(m.get("site.stories"));
            Element list = main.appendElement("ul").addClass("stories");
            for (Story story : told) {
                JsonNode latest = story.items.get(story.items.size() - 1);
                Element li = list.appendElement("li");
                li.appendElement("a").attr("href", "stories/" + story.id + ".html").text(latest.path("title").asText(""));
                li.appendText(" (" + story.first().date() + " – " + story.days.get(story.days.size() - 1).date() + ", "
                        + m.format("site.storyDays", story.days.size()) + ")");
            }
        }
        return doc;
    }

    private Document searchPage(Messages m) {
        Document doc = SitePage.shell(language, feed(), m.get("site.search"), "");
        Element main = doc.getElementById("main");
        main.appendElement("h1").text(m.get("site.search"));
        Element form = main.appendElement("form").attr("id", "search").attr("role", "search").attr("action", "search.html");
        form.appendElement("label").attr("for", "q").text(m.get("site.searchLabel"));
        form.appendElement("input").attr("type", "search").attr("id", "q").attr("name", "q").attr("autocomplete", "off");
        form.appendElement("button").attr("type", "submit").text(m.get("site.searchButton"));
        main.appendElement("p").addClass("hint").text(m.get("site.searchHint"));
        main.appendElement("noscript").appendElement("p").text(m.get("site.searchNoScript"));
        main.appendElement("p").attr("id", "status").attr("role", "status")
                .attr("data-found", m.get("site.results")).attr("data-none", m.get("site.noResults"));
        main.appendElement("ol").attr("id", "results");
        doc.head().appendElement("script").attr("src", "search-index.js").attr("defer", true);
        doc.head().appendElement("script").attr("src", "search.js").attr("defer", true);
        return doc;
    }

    private static OutputFile page(String name, Document doc) {
        return new OutputFile(DIR + name, doc.outerHtml().getBytes(StandardCharsets.UTF_8));
    }

    private static OutputFile resource(String name) {
        try (InputStream in = ArchiveSite.class.getResourceAsStream("/site/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the site's " + name + " is missing from the jar");
            }
            return new OutputFile(DIR + name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored digest cannot be read", e);
        }
    }
}
