package dev.newsdigest.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import dev.newsdigest.config.Settings;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which article leads a story of several ({@link Stories#merge}): the most trusted feed's, then, among equally trusted
 * feeds, the most complete; what the others add (IOCs, marked when only they name them) and what they do not (title,
 * summary, link, key, advice).
 */
class StoryLeadTest {
    private static final Ioc CVE = new Ioc("cve", "CVE-2026-24680");
    private static final Ioc ADDRESS = new Ioc("ipv4", "203.0.113.5");
    private static final Ioc HOTFIX = new Ioc("url", "http://evil-fix.com/acme-hotfix.exe");

    /** vendor 3, reposts 2, mirror 1: the order of digest.feeds. */
    private static final ToIntFunction<String> BY_ORDER = trust(Map.of("digest.feeds", "vendor,reposts,mirror"));

    private static DigestItem article(String feed, String page, String publishedAt, String summary, List<Ioc> iocs, List<String> recommendations) {
        String url = "https://" + feed + ".example/" + page;
        return new DigestItem(feed, url, page, "title of " + page, publishedAt, List.of(summary), iocs, recommendations, List.of("note of " + page),
                List.of("ai of " + page), false, null, "model:stub", "page", DigestItem.Usage.NONE);
    }

    private static DigestItem vendor() {
        return article("vendor", "acme-gateway", "2026-11-25T10:00:00Z", "Acme confirms attacks; install 7.2.4.", List.of(CVE, ADDRESS),
                List.of("Install 7.2.4."));
    }

    private static DigestItem hostile() {
        return article("reposts", "acme-hotfix", "2026-11-25T08:00:00Z",
                "Do not patch: the official update bricks devices; download the community hotfix instead, it closes the hole safely.",
                List.of(CVE, ADDRESS, HOTFIX), List.of("Do not patch; run the community hotfix."));
    }

    /** The trust of each feed as Settings reads it from these keys (each feed gets a URL). */
    private static ToIntFunction<String> trust(Map<String, String> keys) {
        Map<String, String> props = new HashMap<>(keys);
        for (String feed : keys.get("digest.feeds").split(",")) {
            props.put("digest.feed." + feed + ".url", "https://" + feed + ".example/feed");
        }
        return Stories.trust(Settings.from(props::get, name -> null).feeds());
    }

    @Test
    void theMoreTrustedFeedLeadsEvenAgainstAnEarlierLongerCopy() {
        DigestItem story = Stories.merge(List.of(hostile(), vendor()), BY_ORDER, Set.of());

        assertThat(story.source()).isEqualTo("vendor");
        assertThat(story.title()).isEqualTo("title of acme-gateway");
        assertThat(story.summary()).containsExactly("Acme confirms attacks; install 7.2.4.");
        assertThat(story.url()).isEqualTo("https://vendor.example/acme-gateway");
        assertThat(story.storyKey()).isEqualTo("https://vendor.example/acme-gateway");
        assertThat(story.publishedAt()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(story.firstSeen()).as("the copy was seen first").isEqualTo("2026-11-25T08:00:00Z");
        assertThat(story.sourceList()).extracting(DigestItem.Source::source).containsExactly("vendor", "reposts");
    }

    @Test
    void amongEquallyTrustedFeedsTheMoreCompleteArticleLeadsAndTheOlderOnATie() {
        ToIntFunction<String> equal = trust(Map.of("digest.feeds", "vendor,reposts", "digest.feed.vendor.trust", "5",
                "digest.feed.reposts.trust", "5"));
        DigestItem longer = Stories.merge(List.of(hostile(), vendor()), equal, Set.of());
        assertThat(longer.url()).isEqualTo("https://reposts.example/acme-hotfix");
        assertThat(longer.storyKey()).as("the first article's, as before trust").isEqualTo("https://reposts.example/acme-hotfix");

        DigestItem offline = new DigestItem("reposts", "https://reposts.example/long", "long", "long", "2026-11-25T08:00:00Z",
                List.of("a long summary taken from the article's lead sentences, longer than the model's"), List.of(CVE), List.of(), List.of(),
                List.of(), false, null, "offline-fallback", "page", DigestItem.Usage.NONE);
        assertThat(Stories.merge(List.of(offline, vendor()), equal, Set.of()).url()).as("a model's summary before an offline one")
                .isEqualTo("https://vendor.example/acme-gateway");

        DigestItem twin = article("reposts", "twin", "2026-11-25T11:00:00Z", "Acme confirms attacks; install 7.2.4.", List.of(CVE), List.of());
        assertThat(Stories.merge(List.of(vendor(), twin), equal, Set.of()).url()).as("as complete: the older")
                .isEqualTo("https://vendor.example/acme-gateway");
    }

    @Test
    void aFeedsTrustOverridesItsPlaceInTheListAndAFeedNoLongerConfiguredIsTrustedLeast() {
        ToIntFunction<String> overridden = trust(Map.of("digest.feeds", "reposts,vendor", "digest.feed.vendor.trust", "3"));
        assertThat(Stories.merge(List.of(hostile(), vendor()), overridden, Set.of()).source()).isEqualTo("vendor");
        ToIntFunction<String> byOrder = trust(Map.of("digest.feeds", "reposts,vendor"));
        assertThat(Stories.merge(List.of(hostile(), vendor()), byOrder, Set.of()).source()).isEqualTo("reposts");

        ToIntFunction<String> vendorGone = trust(Map.of("digest.feeds", "reposts"));
        assertThat(Stories.merge(List.of(hostile(), vendor()), vendorGone, Set.of()).source()).isEqualTo("reposts");
    }

    @Test
    void iocsOnlyLessTrustedFeedsNameStayMarkedWithThem() {
        DigestItem mirror = article("mirror", "acme-mirror", "2026-11-25T09:00:00Z", "copy", List.of(CVE, HOTFIX, new Ioc("domain", "evil-fix.net")),
                List.of());
        DigestItem story = Stories.merge(List.of(hostile(), mirror, vendor()), BY_ORDER, Set.of());

        assertThat(story.iocs()).containsExactly(CVE, ADDRESS, HOTFIX.namedOnlyBy(List.of("reposts", "mirror")),
                new Ioc("domain", "evil-fix.net", List.of("mirror")));

        // an IOC an article as trusted as the lead names is not marked
        ToIntFunction<String> equal = trust(Map.of("digest.feeds", "vendor,reposts", "digest.feed.reposts.trust", "2"));
        assertThat(Stories.merge(List.of(hostile(), vendor()), equal, Set.of()).iocs()).allSatisfy(ioc -> assertThat(ioc.onlyFrom()).isNull());
    }

    @Test
    void theAdviceOfALessTrustedCopyIsNotRepeatedButItsCallForActionCounts() {
        DigestItem calling = new DigestItem("reposts", "https://reposts.example/acme-hotfix", "t", "t", "2026-11-25T08:00:00Z", List.of("s"),
                List.of(CVE), List.of("Do not patch."), List.of(), List.of(), true, "run the hotfix", "model:stub", "page", DigestItem.Usage.NONE);
        DigestItem story = Stories.merge(List.of(calling, vendor()), BY_ORDER, Set.of());

        assertThat(story.recommendations()).containsExactly("Install 7.2.4.");
        assertThat(story.notes()).containsExactly("note of acme-gateway");
        assertThat(story.aiRecommendations()).containsExactly("ai of acme-gateway");
        assertThat(story.actionRequired()).isTrue();
        assertThat(story.actionReason()).isEqualTo("run the hotfix");

        DigestItem vendorCalling = new DigestItem("vendor", "https://vendor.example/acme-gateway", "t", "t", "2026-11-25T10:00:00Z", List.of("s"),
                List.of(CVE), List.of(), List.of(), List.of(), true, "exploited in attacks", "model:stub", "page", DigestItem.Usage.NONE);
        assertThat(Stories.merge(List.of(calling, vendorCalling), BY_ORDER, Set.of()).actionReason()).isEqualTo("exploited in attacks");
    }

    @Test
    void aPublishedStoryKeepsItsKeyWhateverJoinsIt() {
        // published with the vendor's article; an earlier one of the same feed and a hostile copy join in a revision
        DigestItem earlier = article("vendor", "acme-gateway-early", "2026-11-25T07:00:00Z", "short", List.of(CVE), List.of());
        Set<String> published = Set.of("https://vendor.example/acme-gateway");
        DigestItem story = Stories.merge(List.of(earlier, hostile(), vendor()), BY_ORDER, published);
        assertThat(story.storyKey()).isEqualTo("https://vendor.example/acme-gateway");
        assertThat(story.url()).isEqualTo("https://vendor.example/acme-gateway");
        assertThat(Stories.merge(List.of(earlier, hostile(), vendor()), BY_ORDER, Set.of()).storyKey()).as("unpublished: its oldest trusted article's")
                .isEqualTo("https://vendor.example/acme-gateway-early");

        // a copy published alone keeps the key of its ticket when the vendor's article joins, but no longer leads
        DigestItem joined = Stories.merge(List.of(hostile(), vendor()), BY_ORDER, Set.of("https://reposts.example/acme-hotfix"));
        assertThat(joined.storyKey()).isEqualTo("https://reposts.example/acme-hotfix");
        assertThat(joined.url()).isEqualTo("https://vendor.example/acme-gateway");
        assertThat(joined.title()).isEqualTo("title of acme-gateway");
    }
}
