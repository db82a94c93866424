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
 * 課題, in the order a security team works through it: items that concern our watchlist and are in KEV, then ours the
 * model says need action, then the rest of ours, then the other items that need action. Within each group an item in
 * KEV comes first, then the higher EPSS, then the higher CVSS; items equal in all keep the digest's order.
 */
final class ActionOrder {
    private ActionOrder() {
    }

    static List<Digest.Action> of(List<DigestItem> items, Watchlist watchlist) {
        List<Digest.Action> actions = new ArrayList<>();
        for (DigestItem item : items) {
            List<String> ours = watchlist.concerns(item);
            if (ours.isEmpty() && !item.actionRequired()) {
                continue;
            }
            boolean kev = item.cveContexts().stream().anyMatch(c -> c.kev() != null);
            Double epss = item.cveContexts().stream().map(CveContext::epss).filter(Objects::nonNull)
                    .map(CveContext.Epss::probability).max(Double::compare).orElse(null);
            Double cvss = item.cveContexts().stream().map(CveContext::cvss).filter(Objects::nonNull)
                    .map(CveContext.Cvss::score).max(Double::compare).orElse(null);
            actions.add(new Digest.Action(item.title(), item.url(), item.actionRequired() ? item.actionReason() : null, ours,
                    kev ? Boolean.TRUE : null, epss, cvss));
        }
        Comparator<Digest.Action> order = Comparator.comparingInt(ActionOrder::group)
                .thenComparing(Digest.Action::inKev, Comparator.reverseOrder())
                .thenComparing(a -> a.epss() == null ? -1 : a.epss(), Comparator.reverseOrder())
                .thenComparing(a -> a.cvss() == null ? -1 : a.cvss(), Comparator.reverseOrder());
        actions.sort(order); // stable: ties keep the digest's order
        return actions;
    }

    /** 0: ours and in KEV; 1: ours and action required; 2: ours; 3: action required. */
    private static int group(Digest.Action a) {
        if (a.ours()) {
            return a.inKev() ? 0 : a.reason() != null ? 1 : 2;
        }
        return 3;
    }
}
