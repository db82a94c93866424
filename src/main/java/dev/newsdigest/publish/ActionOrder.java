package dev.newsdigest.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.newsdigest.cve.Watchlist;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;

/**
 * The order of importance, in which a security team works through the day: items that concern our watchlist and are in
 * KEV, then ours the model says need action, then the rest of ours; then the other items in KEV, then those that need
 * action, then the rest. Within each group an item in KEV comes first, then the higher EPSS, then the higher CVSS, then a
 * story told by more sources, then the newer (undated last). 課題 is this order, kept to the items that are ours or need
 * action ({@link #of}); the news is the whole list in it ({@link #sorted}), so that one comparison decides both.
 */
final class ActionOrder {
    private ActionOrder() {
    }

    /** Why an item stands where it does: the watchlist entries it concerns, KEV, action, its highest EPSS and CVSS, its sources. */
    private record Rank(DigestItem item, List<String> ours, boolean kev, Double epss, Double cvss) {
        static Rank of(DigestItem item, Watchlist watchlist) {
            boolean kev = item.cveContexts().stream().anyMatch(c -> c.kev() != null);
            Double epss = item.cveContexts().stream().map(CveContext::epss).filter(Objects::nonNull)
                    .map(CveContext.Epss::probability).max(Double::compare).orElse(null);
            Double cvss = item.cveContexts().stream().map(CveContext::cvss).filter(Objects::nonNull)
                    .map(CveContext.Cvss::score).max(Double::compare).orElse(null);
            return new Rank(item, watchlist.concerns(item), kev, epss, cvss);
        }

        /** 0: ours and in KEV; 1: ours and action required; 2: ours; 3: in KEV; 4: action required; 5: the rest. */
        int group() {
            if (!ours.isEmpty()) {
                return kev ? 0 : item.actionRequired() ? 1 : 2;
            }
            return kev ? 3 : item.actionRequired() ? 4 : 5;
        }

        boolean inActions() {
            return !ours.isEmpty() || item.actionRequired();
        }

        Digest.Action action() {
            return new Digest.Action(item.title(), item.url(), item.actionRequired() ? item.actionReason() : null, ours,
                    kev ? Boolean.TRUE : null, epss, cvss);
        }
    }

    private static final Comparator<String> NEWEST_FIRST = Comparator.nullsLast(Comparator.<String>reverseOrder());

    /** The one comparison of importance; stable sorts keep the digest's order for items equal in all of it. */
    private static final Comparator<Rank> IMPORTANCE = Comparator.comparingInt(Rank::group)
            .thenComparing(Rank::kev, Comparator.reverseOrder())
            .thenComparing(r -> r.epss() == null ? -1 : r.epss(), Comparator.reverseOrder())
            .thenComparing(r -> r.cvss() == null ? -1 : r.cvss(), Comparator.reverseOrder())
            .thenComparing(r -> r.item().sourceList().size(), Comparator.reverseOrder())
            .thenComparing(r -> r.item().publishedAt(), NEWEST_FIRST);

    /** 課題: the items that concern the watchlist or need action, most important first. */
    static List<Digest.Action> of(List<DigestItem> items, Watchlist watchlist) {
        return ranked(items, watchlist).stream().filter(Rank::inActions).map(Rank::action).toList();
    }

    /** Every item, most important first. */
    static List<DigestItem> sorted(List<DigestItem> items, Watchlist watchlist) {
        return ranked(items, watchlist).stream().map(Rank::item).toList();
    }

    private static List<Rank> ranked(List<DigestItem> items, Watchlist watchlist) {
        List<Rank> ranks = new ArrayList<>(items.stream().map(item -> Rank.of(item, watchlist)).toList());
        ranks.sort(IMPORTANCE);
        return ranks;
    }
}
