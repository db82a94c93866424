package dev.newsdigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import dev.newsdigest.state.StateStore.DayDigest;
import dev.newsdigest.support.AtomRules;
import org.junit.jupiter.api.Test;

/**
 * The feed builder on the two example days of {@code docs/digest-example} (2026-11-26 marked TLP:AMBER), each published
 * when its JSON says it was generated. {@code docs/digest-example/feed.atom} is what it writes, byte for byte: run with
 * {@code -Datom.golden.write=true} to write it after a deliberate change, then read the difference.
 */
class AtomFeedTest {
    private static final Path EXAMPLE = Path.of("docs/digest-example");

    private final AtomFeed atom = new AtomFeed("news-digest", "ja", 30, new MailHtml());

    private static DayDigest example(String day, String publishedAt) throws Exception {
        Instant at = Instant.parse(publishedAt);
        return new DayDigest(LocalDate.parse(day), 1, at, at, Files.readString(EXAMPLE.resolve(day + ".json"), StandardCharsets.UTF_8),
                Files.readString(EXAMPLE.resolve(day + ".md"), StandardCharsets.UTF_8));
    }

    private static List<DayDigest> exampleDays() throws Exception {
        return List.of(example("2026-11-26", "2026-11-26T14:55:04Z"), example("2026-11-25", "2026-11-25T14:55:02Z"));
    }

    @Test
    void theExampleDaysGiveTheExampleFeedByteForByte() throws Exception {
        String written = new String(atom.write(exampleDays()), StandardCharsets.UTF_8);
        Path golden = EXAMPLE.resolve("feed.atom");
        if (Boolean.getBoolean("atom.golden.write")) {
            Files.writeString(golden, written, StandardCharsets.UTF_8);
        }
        assertThat(written).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void twoDaysAreTwoValidEntriesNewestFirstEachTitledWithItsTlpAndLinkedToItsFiles() throws Exception {
        Feed feed = AtomRules.check(atom.write(exampleDays()));

        assertThat(feed.getTitle()).isEqualTo("日々のニュース要約");
        assertThat(feed.getId()).startsWith("urn:uuid:");
        assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-11-26T14:55:04Z"));
        assertThat(feed.getAuthors()).singleElement().satisfies(a -> assertThat(a.getName()).isEqualTo("news-digest"));
        List<Entry> entries = feed.getEntries();
        assertThat(entries).extracting(Entry::getTitle)
                .containsExactly("日々のニュース要約 2026-11-26 [TLP:AMBER]", "日々のニュース要約 2026-11-25");
        assertThat(entries).extracting(Entry::getId).containsExactly(atom.entryId(LocalDate.parse("2026-11-26")),
                atom.entryId(LocalDate.parse("2026-11-25")));
        Entry first = entries.get(0);
        assertThat(first.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-11-26T14:55:04Z"));
        assertThat(first.getPublished().toInstant()).isEqualTo(Instant.parse("2026-11-26T14:55:04Z"));
        assertThat(first.getAlternateLinks()).extracting(Link::getHref, Link::getType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-26.md", "text/markdown"),
                        org.assertj.core.groups.Tuple.tuple("2026-11-26.json", "application/json"));
        // the content is the mail's HTML of the day: its heading, the TLP line, the item links
        assertThat(first.getContents()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("html");
            assertThat(c.getValue()).startsWith("<div style=").contains("<h1 style=", "日々のニュース要約 2026-11-26", "TLP:AMBER",
                    "<a href=\"https://news.example.com/fortiweb-second-flaw-exploited\"");
        });
    }

    @Test
    void aDaysEntryIdIsTheSameForEveryRevisionAndOnlyForThatDayAndProducer() {
        LocalDate day = LocalDate.parse("2026-11-25");
        assertThat(new AtomFeed("news-digest", "en", 5, new MailHtml()).entryId(day)).isEqualTo(atom.entryId(day));
        assertThat(atom.entryId(day.plusDays(1))).isNotEqualTo(atom.entryId(day));
        assertThat(new AtomFeed("other-team", "ja", 30, new MailHtml()).entryId(day)).isNotEqualTo(atom.entryId(day));
    }
}
