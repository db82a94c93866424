package dev.newsdigest.story;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two articles tell the same story. A wrong merge hides news, so the vetoes come first and each rule is
 * narrow:
 * <ol>
 * <li>vetoes: event months more than {@link #MONTHS_APART} apart; both name victims and none is the same organisation
 * (a parent and its subsidiary are one only when the months are near and the types agree, see {@link Organisations});
 * both name CVE ids and none is shared;</li>
 * <li>a shared CVE id;</li>
 * <li>the same victim and the same event type, or the same victim, near months ({@link #NEAR_MONTHS}) and types of one
 * incident (a breach, ransomware and an outage are often one event that two outlets frame apart), unless the two keys
 * name different specific details (a product, a campaign, an actor) that neither article names of the other, or a month
 * one states is far from when the other was published ({@link #apart});</li>
 * <li>a product and a campaign or actor that both name (one may give the CVE and the other only the campaign's name);</li>
 * <li>the same event key;</li>
 * <li>in one language, near-duplicate titles ({@link TitleSimilarity} at least {@link #TITLE_THRESHOLD}), so that
 * syndicated copies merge even offline.</li>
 * </ol>
 * Offline facts carry no victims, event type, key or month: only the CVE and title rules apply.
 */
public final class StoryMatcher {
    /** The title similarity at which two titles are copies of each other. */
    public static final double TITLE_THRESHOLD = 0.8;
    /** Event months further apart than this are two events. */
    static final int MONTHS_APART = 2;
    /** How many months an incident may be disclosed after it happened. */
    static final int DISCLOSURE_LAG = 6;
    /** Event months at most this far apart are one event's, as two outlets date it. */
    static final int NEAR_MONTHS = 1;
    /** The event types of an incident at a victim, which outlets tell one for another. */
    private static final Set<String> INCIDENT = Set.of("breach", "ransomware", "other");

    /** The decision and the rule that made it. */
    public record Decision(boolean same, String rule) {
        /** A decision that two articles are different stories whatever else they share. */
        boolean veto() {
            return !same && rule.startsWith("different");
        }
    }

    private StoryMatcher() {
    }

    public static Decision compare(StoryFacts a, StoryFacts b) {
        if (gap(a.statedMonth(), b.statedMonth()) > MONTHS_APART) {
            return new Decision(false, "different months");
        }
        boolean monthsApart = apart(a, b) || apart(b, a);
        long gap = gap(a.month(), b.month());
        // near: at least one article says when; two that only have their publication dates are merely of one day
        boolean nearMonths = gap >= 0 && gap <= NEAR_MONTHS && (a.eventMonth() != null || b.eventMonth() != null);
        boolean sameType = a.eventType() != null && a.eventType().equalsIgnoreCase(b.eventType());
        boolean oneIncident = sameType || a.eventType() != null && b.eventType() != null && INCIDENT.contains(a.eventType())
                && INCIDENT.contains(b.eventType());
        Organisations.Relation victims = Organisations.relate(a.victims(), b.victims());
        boolean sameVictim = victims == Organisations.Relation.SAME
                || victims == Organisations.Relation.PARENT_AND_SUBSIDIARY && nearMonths && oneIncident;
        if (victims != Organisations.Relation.UNKNOWN && !sameVictim) {
            return new Decision(false, "different victims");
        }
        boolean sharedCve = a.cves().stream().anyMatch(b.cves()::contains);
        if (!a.cves().isEmpty() && !b.cves().isEmpty() && !sharedCve) {
            return new Decision(false, "different CVEs");
        }
        if (sharedCve) {
            return new Decision(true, "shared CVE");
        }
        boolean otherDetails = Details.conflict(a, b);
        if (sameVictim && sameType && !otherDetails && !monthsApart) {
            return new Decision(true, "same victim and event");
        }
        if (sameVictim && nearMonths && oneIncident && !otherDetails) {
            return new Decision(true, "same victim, near months");
        }
        boolean sameProduct = shared(a.products(), b.products());
        if (sameProduct && Details.sharedCampaign(a, b)) {
            return new Decision(true, "same product and campaign");
        }
        if (a.eventKey() != null && a.eventKey().equals(b.eventKey())) {
            return new Decision(true, "same event key");
        }
        if (a.language() != null && a.language().equals(b.language()) && TitleSimilarity.of(a.title(), b.title()) >= TITLE_THRESHOLD) {
            return new Decision(true, "near-duplicate titles");
        }
        return new Decision(false, "no rule");
    }

    /**
     * Whether a month that {@code a} states is too far from {@code b}, which states none, to be its event: after {@code b} was
     * published, or more than {@link #DISCLOSURE_LAG} months before (an incident is often disclosed months later). Two
     * articles that state no month are apart when they were published more than {@link #MONTHS_APART} months apart.
     * Evidence against the victim rules, not a veto: a publication date is not the event's.
     */
    private static boolean apart(StoryFacts a, StoryFacts b) {
        YearMonth stated = a.statedMonth();
        YearMonth published = b.statedMonth() == null ? b.month() : null;
        if (published == null) {
            return false;
        }
        if (stated == null) {
            return a.month() != null && gap(a.month(), published) > MONTHS_APART;
        }
        return stated.isAfter(published) || stated.isBefore(published.minusMonths(DISCLOSURE_LAG));
    }

    private static long gap(YearMonth a, YearMonth b) {
        return a == null || b == null ? -1 : Math.abs(ChronoUnit.MONTHS.between(a, b));
    }

    static boolean shared(List<String> x, List<String> y) {
        Set<String> folded = new HashSet<>();
        x.forEach(n -> folded.add(Names.fold(n)));
        folded.remove("");
        return y.stream().map(Names::fold).anyMatch(folded::contains);
    }
}
