package dev.newsdigest.publish;

import java.util.List;

import dev.newsdigest.cve.Watchlist;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 課題's order: ours and in KEV, ours and action required, ours, then the rest of action required by KEV, EPSS, CVSS; and
 * the news in the same order, all of it: then what is in KEV, needs action, scores highest, is told by several, is newest.
 */
class ActionOrderTest {
    private static final CveContext.Kev KEV = new CveContext.Kev("2025-02-13", "2025-03-06", "Unknown", "Other", "Other");

    private static DigestItem item(String title, boolean action, List<String> products, CveContext.Kev kev, Double epss, Double cvss) {
        return item(title, null, action, products, kev, epss, cvss);
    }

    private static DigestItem item(String title, String publishedAt, boolean action, List<String> products, CveContext.Kev kev,
                                   Double epss, Double cvss) {
        CveContext cve = new CveContext("CVE-2025-1", cvss == null ? null : new CveContext.Cvss(cvss, "HIGH", null, "3.1", "NVD"),
                epss == null ? null : new CveContext.Epss(epss, 0.5, "2026-11-25"), kev, null, List.of(), List.of());
        return new DigestItem("news", "https://n.example/" + title, title, title, publishedAt, List.of("s"), List.of(new Ioc("cve", "CVE-2025-1")),
                List.of(), List.of(), List.of(), action, action ? "act" : null, "offline", "page", DigestItem.Usage.NONE)
                .withCves(List.of(cve)).withEntities(List.of(), products);
    }

    @Test
    void oursComeFirstThenTheRestOfWhatNeedsActionByKevEpssAndCvss() {
        List<DigestItem> items = List.of(
                item("action-cvss9", true, List.of(), null, null, 9.8),
                item("nothing", false, List.of(), KEV, 0.99, 10.0),           // neither ours nor action: not in 課題
                item("ours-only", false, List.of("FortiWeb"), null, null, null),
                item("action-epss", true, List.of(), null, 0.5, 5.0),
                item("ours-action", true, List.of("FortiWeb"), null, 0.1, null),
                item("action-kev", true, List.of(), KEV, 0.01, 4.0),
                item("ours-kev", false, List.of("FortiWeb"), KEV, null, null),
                item("action-epss-higher", true, List.of(), null, 0.7, 1.0));

        List<Digest.Action> actions = ActionOrder.of(items, Watchlist.of(List.of("FortiWeb")));

        assertThat(actions).extracting(Digest.Action::title).containsExactly(
                "ours-kev", "ours-action", "ours-only", "action-kev", "action-epss-higher", "action-epss", "action-cvss9");
        assertThat(actions.get(0).watchlist()).containsExactly("FortiWeb");
        assertThat(actions.get(3).watchlist()).isEmpty();
    }

    @Test
    void theNewsIsInTheSameOrderAllOfItThenBySourcesThenNewestFirst() {
        DigestItem told = item("told-by-two", "2026-11-25T01:00:00Z", false, List.of(), null, null, null);
        told = told.asStory(told.url(), null, List.of(new DigestItem.Source("a", "t", told.url(), null),
                new DigestItem.Source("b", "t", "https://b.example/t", null)), told.iocs(), List.of(), List.of(), List.of(), false, null);
        List<DigestItem> items = List.of(
                item("rest-old", "2026-11-25T02:00:00Z", false, List.of(), null, null, null),
                item("rest-undated", null, false, List.of(), null, null, null),
                item("rest-new", "2026-11-25T09:00:00Z", false, List.of(), null, null, null),
                told,
                item("cvss-only", "2026-11-25T00:00:00Z", false, List.of(), null, null, 9.8),
                item("action", "2026-11-25T00:00:00Z", true, List.of(), null, null, null),
                item("kev-no-action", "2026-11-25T00:00:00Z", false, List.of(), KEV, null, null),
                item("ours", "2026-11-25T00:00:00Z", false, List.of("FortiWeb"), null, null, null),
                item("ours-kev", "2026-11-25T00:00:00Z", false, List.of("FortiWeb"), KEV, null, null));
        Watchlist watchlist = Watchlist.of(List.of("FortiWeb"));

        List<DigestItem> sorted = ActionOrder.sorted(items, watchlist);

        assertThat(sorted).extracting(DigestItem::title).containsExactly("ours-kev", "ours", "kev-no-action", "action",
                "cvss-only", "told-by-two", "rest-new", "rest-old", "rest-undated");
        // 課題 is the same order, kept to what is ours or needs action
        assertThat(ActionOrder.of(items, watchlist)).extracting(Digest.Action::title).containsExactly("ours-kev", "ours", "action");
    }

    @Test
    void eachLineSaysWhyItIsThere() {
        List<DigestItem> items = List.of(item("ours-kev", true, List.of("FortiWeb"), KEV, null, null),
                item("ours-only", false, List.of("FortiWeb"), null, null, null),
                item("action-epss", true, List.of(), null, 0.0027, 9.0),
                item("action-cvss", true, List.of(), null, null, 9.0));
        List<Digest.Action> actions = ActionOrder.of(items, Watchlist.of(List.of("FortiWeb")));
        Digest digest = new Digest("2026-11-25", 1, "2026-11-25T23:55:02+09:00", "ja", null, "o", actions, items, List.of(), List.of(),
                List.of(), new Digest.Usage(0, 0, 0, false));

        String md = new DigestRenderer().markdown(digest);

        assertThat(md).contains("- [ours-kev](https://n.example/ours-kev): act (自社製品: FortiWeb, KEV)\n",
                "- [ours-only](https://n.example/ours-only): (自社製品: FortiWeb)\n",
                "- [action-epss](https://n.example/action-epss): act (EPSS 0.0027)\n",
                "- [action-cvss](https://n.example/action-cvss): act (CVSS 9.0)\n");
    }

    @Test
    void withNothingThatQualifiesItStaysNA() {
        List<Digest.Action> actions = ActionOrder.of(List.of(item("nothing", false, List.of(), KEV, 0.9, 9.0)), Watchlist.EMPTY);
        assertThat(actions).isEmpty();
    }
}
