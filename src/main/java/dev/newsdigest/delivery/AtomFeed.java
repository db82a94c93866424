package dev.newsdigest.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.newsdigest.config.Messages;
import dev.newsdigest.state.StateStore.DayDigest;

/**
 * {@code feed.atom}: the digests as an Atom 1.0 feed (RFC 4287), one entry per day. A day's entry keeps its id
 * ({@code urn:uuid:}, from the producer and the day) through the day's revisions; each revision replaces its title,
 * content and {@code updated}. The content is the digest's HTML as the mail carries it ({@link MailHtml}), which ROME
 * writes escaped; the links point at the day's {@code .md} and {@code .json} beside the feed.
 */
public class AtomFeed {
    private final String producer;
    private final String language;
    private final int days;
    private final MailHtml html;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * {@code producer}: the author and the source of the ids ({@code digest.stix.identity}); {@code language}: the feed
     * title's ({@code digest.language}); {@code days}: how many days it carries ({@code digest.atom.entries}, 0: no feed).
     */
    public AtomFeed(String producer, String language, int days, MailHtml html) {
        this.producer = producer;
        this.language = language;
        this.days = days;
        this.html = html;
    }

    /** How many days the feed carries, newest first; 0: the feed is not written. */
    public int days() {
        return days;
    }

    /** The feed of {@code latest} (each day's latest revision, newest day first), UTF-8, linking each day's files beside it. */
    public byte[] write(List<DayDigest> latest) {
        return write(latest, null, null);
    }

    /**
     * The feed the archive site carries: each entry links its day page, {@code pages + <day>.html} ({@code pages} is
     * {@code ""} beside the pages, or the site's URL with a final {@code /}); {@code self}, the feed's own URL, is
     * written as its {@code rel="self"} link when known (null: not).
     */
    public byte[] write(List<DayDigest> latest, String pages, String self) {
        if (latest.isEmpty()) {
            throw new IllegalArgumentException("a feed needs at least one published day: its updated is the newest one's");
        }
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setLanguage(language);
        feed.setId(urn("feed|" + producer));
        feed.setTitle(Messages.of(language).get("digest.heading"));
        feed.setAuthors(List.of(author()));
        if (self != null) {
            feed.setOtherLinks(List.of(link("self", self, "application/atom+xml")));
        }
        Instant updated = Instant.EPOCH;
        List<Entry> entries = new ArrayList<>();
        for (DayDigest day : latest) {
            entries.add(entry(day, pages));
            updated = day.published().isAfter(updated) ? day.published() : updated;
        }
        feed.setUpdated(Date.from(updated));
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("the Atom feed cannot be written", e);
        }
    }

    /** A day's entry id: the same for every revision of the day. */
    public String entryId(LocalDate day) {
        return urn("entry|" + producer + "|" + day);
    }

    private Entry entry(DayDigest day, String pages) {
        JsonNode digest = read(day.json());
        String tlp = digest.path("tlp").asText("");
        Entry entry = new Entry();
        entry.setId(entryId(day.day()));
        // the title as the Markdown heads the day, with its TLP marking, which a reader sees before opening the entry
        entry.setTitle(Messages.of(digest.path("language").asText(language)).get("digest.heading") + " " + day.day()
                + (tlp.isEmpty() ? "" : " [" + tlp + "]"));
        entry.setUpdated(Date.from(day.published()));
        entry.setPublished(Date.from(day.firstPublished()));
        entry.setAlternateLinks(pages != null ? List.of(link("alternate", pages + day.day() + ".html", "text/html"))
                : List.of(link("alternate", day.day() + ".md", "text/markdown"), link("alternate", day.day() + ".json", "application/json")));
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(html.fragment(day.markdown()));
        entry.setContents(List.of(content));
        return entry;
    }

    private SyndPerson author() {
        Person author = new Person();
        author.setName(producer);
        return author;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    /** A name-based UUID (RFC 9562, version 3) as a URN: an absolute IRI that stays the same for the same name. */
    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("news-digest atom|" + name).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored digest cannot be read", e);
        }
    }
}
