package dev.newsdigest.story;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.newsdigest.model.Victim;
import dev.newsdigest.summarize.Entities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One case for each story rule about event months, organisations, key details and campaigns, and for the key's grounding. */
class StoryRulesTest {
    private static StoryFacts incident(String victim, String type, String key, String month) {
        return new StoryFacts("en", victim + " " + type + " " + key + " " + month, Set.of(), List.of(new Victim(victim, victim)), List.of(), List.of(), List.of(),
                type, key, month, null);
    }

    @Test
    void theSameVictimAndEventMonthsApartAreTwoIncidents() {
        StoryFacts now = incident("Casio", "breach", "casio|breach|customer-data", "2026-03");
        StoryFacts before = incident("Casio", "breach", "casio|breach|customer-data", "2025-10");
        assertThat(StoryMatcher.compare(now, before)).isEqualTo(new StoryMatcher.Decision(false, "different months"));
        // months unknown on one side: the month says nothing, the old rule holds
        assertThat(StoryMatcher.compare(now, incident("Casio", "breach", "casio|breach", null)).same()).isTrue();
    }

    @Test
    void aMonthOneArticleStatesCountsAgainstTheOtherOnlyWhenItCannotBeWhatTheOtherTells() {
        StoryFacts stated = new StoryFacts("en", "AT&T call records stolen in April", Set.of(), List.of(new Victim("AT&T", "AT&T")), List.of(),
                List.of(), List.of(), "breach", null, "2024-04", "2024-07-12T10:00:00Z");
        StoryFacts unstatedSameWeek = new StoryFacts("ja", "AT&T、通話記録が流出", Set.of(), List.of(new Victim("AT&T", "AT&T")), List.of(),
                List.of(), List.of(), "breach", null, null, "2024-07-12T12:00:00Z");
        assertThat(StoryMatcher.compare(stated, unstatedSameWeek).same()).as("disclosed three months after the theft").isTrue();
        StoryFacts unstatedYearsBefore = new StoryFacts("en", "AT&T guest data posted", Set.of(), List.of(new Victim("AT&T", "AT&T")), List.of(),
                List.of(), List.of(), "breach", null, null, "2020-02-20T10:00:00Z");
        assertThat(StoryMatcher.compare(stated, unstatedYearsBefore).same()).as("a month after the other was published").isFalse();
        StoryFacts unstatedTooLate = new StoryFacts("en", "AT&T customers' data exposed", Set.of(), List.of(new Victim("AT&T", "AT&T")), List.of(),
                List.of(), List.of(), "breach", null, null, "2025-03-01T10:00:00Z");
        assertThat(StoryMatcher.compare(stated, unstatedTooLate).same()).as("more than six months before the other was published").isFalse();
    }

    @Test
    void oneIncidentFramedAsABreachByOneOutletAndRansomwareByAnotherMergesOnlyWithNearMonths() {
        StoryFacts breach = incident("Kestrel Foods", "breach", "kestrel-foods|breach", "2026-03");
        StoryFacts ransomware = incident("Kestrel Foods", "ransomware", "kestrel-foods|ransomware", "2026-02");
        StoryFacts outage = incident("Kestrel Foods", "other", "kestrel-foods|outage", "2026-03");
        assertThat(StoryMatcher.compare(breach, ransomware)).isEqualTo(new StoryMatcher.Decision(true, "same victim, near months"));
        assertThat(StoryMatcher.compare(ransomware, outage).same()).isTrue();
        assertThat(StoryMatcher.compare(breach, incident("Kestrel Foods", "ransomware", "kestrel-foods|ransomware", null)).same())
                .as("without months, different types stay apart").isFalse();
        assertThat(StoryMatcher.compare(breach, incident("Kestrel Foods", "vulnerability-exploited", "kestrel-foods|flaw", "2026-03")).same())
                .as("a flaw is not an incident's other framing").isFalse();
    }

    @Test
    void aParentAndItsSubsidiaryAreOneVictimWhenMonthAndTypeAgree() {
        StoryFacts parent = incident("Sony", "breach", "sony|breach", "2026-03");
        StoryFacts subsidiary = incident("Sony Interactive Entertainment", "ransomware", "sie|ransomware", "2026-03");
        assertThat(StoryMatcher.compare(parent, subsidiary).same()).isTrue();
        assertThat(StoryMatcher.compare(parent, incident("Sony Interactive Entertainment", "breach", "sie|breach", "2025-06")).rule())
                .isEqualTo("different months");
        assertThat(StoryMatcher.compare(parent, incident("Sony Interactive Entertainment", "breach", "sie|breach", null)).rule())
                .as("without months a subsidiary is another victim").isEqualTo("different victims");
        StoryFacts jaParent = new StoryFacts("ja", "ソニーに不正アクセス", Set.of(), List.of(new Victim("Sony Group", "ソニーグループ")), List.of(),
                List.of(), List.of(), "breach", null, "2026-03", null);
        StoryFacts jaSubsidiary = new StoryFacts("ja", "SIEに不正アクセス", Set.of(), List.of(new Victim("SIE", "ソニー・インタラクティブエンタテインメント")),
                List.of(), List.of(), List.of(), "breach", null, "2026-03", null);
        assertThat(StoryMatcher.compare(jaParent, jaSubsidiary).same()).as("ソニー begins ソニー・インタラクティブエンタテインメント").isTrue();
    }

    @Test
    void aSharedGenericWordIsNoOrganisation() {
        assertThat(StoryMatcher.compare(incident("First Bank", "breach", null, "2026-03"), incident("First Bank Hospital", "breach", null, "2026-03")).rule())
                .isEqualTo("different victims");
        assertThat(StoryMatcher.compare(incident("Holdings", "breach", null, "2026-03"), incident("Holdings Insurance", "breach", null, "2026-03")).rule())
                .isEqualTo("different victims");
        assertThat(Organisations.words("Marlow Holdings Co., Ltd.")).containsExactly("marlow");
    }

    @Test
    void keysThatNameDifferentSpecificDetailsAreEvidenceAgainstAMerge() {
        StoryFacts classpad = new StoryFacts("en", "Casio discloses breach", Set.of(), List.of(new Victim("Casio", "Casio")), List.of(),
                List.of("ClassPad"), List.of(), "breach", "casio|breach|classpad", null, null);
        StoryFacts lawsuit = new StoryFacts("en", "Casio faces lawsuit", Set.of(), List.of(new Victim("Casio", "Casio")), List.of(),
                List.of("Dynamics 365"), List.of(), "breach", "casio|breach|dynamics-365", null, null);
        assertThat(StoryMatcher.compare(classpad, lawsuit).same()).isFalse();
        // a generic detail tells nothing either way, and a detail the other article names is no conflict
        assertThat(StoryMatcher.compare(classpad, incident("Casio", "breach", "casio|breach|data-breach", null)).same()).isTrue();
        StoryFacts namesIt = new StoryFacts("en", "Casio ClassPad breach widens", Set.of(), List.of(new Victim("Casio", "Casio")), List.of(),
                List.of(), List.of(), "breach", "casio|breach|education-portal", null, null);
        assertThat(StoryMatcher.compare(classpad, namesIt).same()).isTrue();
    }

    @Test
    void aProductAndACampaignBothNameAreOneStoryWhenOnlyOneGivesTheCve() {
        StoryFacts withCve = new StoryFacts("en", "Citrix patches exploited NetScaler flaw", Set.of("CVE-2025-5777"), List.of(), List.of("Citrix"),
                List.of("NetScaler ADC"), List.of("CitrixBleed 2"), "vulnerability-exploited", "citrix|vulnerability-exploited|cve-2025-5777", "2025-07", null);
        StoryFacts campaign = new StoryFacts("ja", "「CitrixBleed 2」の悪用が拡大", Set.of(), List.of(), List.of("Citrix"), List.of("NetScaler ADC"),
                List.of("CitrixBleed 2"), "vulnerability-exploited", "citrix|vulnerability-exploited|citrixbleed-2", "2025-07", null);
        assertThat(StoryMatcher.compare(withCve, campaign)).isEqualTo(new StoryMatcher.Decision(true, "same product and campaign"));
        StoryFacts otherCampaign = new StoryFacts("en", "Another NetScaler campaign", Set.of(), List.of(), List.of("Citrix"),
                List.of("NetScaler ADC"), List.of("Storm-1234"), "vulnerability-exploited", "citrix|vulnerability-exploited|storm-1234", "2025-07", null);
        assertThat(StoryMatcher.compare(withCve, otherCampaign).same()).isFalse();
    }

    @Test
    void anEventKeyCountsOnlyWhenItNamesSomethingTheArticleNamesAndIsNotTheSchemasExample() {
        assertThat(incident("Casio", "breach", "casio|breach|classpad", null).eventKey()).isEqualTo("casio|breach|classpad");
        assertThat(incident("Casio", "breach", "eventkey", null).eventKey()).isNull();
        assertThat(incident("Casio", "breach", "company|breach|data", null).eventKey()).isNull();
        assertThat(incident("Siemens Energy", "breach", "siemens-energy|data-breach|moveit", null).eventKey())
                .as("the schema's example, even for an article that names its victim").isNull();
        StoryFacts byCve = new StoryFacts("en", "t", Set.of("CVE-2026-1234"), List.of(), "vulnerability-exploited", "acme|exploited|cve-2026-1234");
        assertThat(byCve.eventKey()).isNotNull();
    }

    @Test
    void anEventMonthCountsWhenTheArticleCanSupportIt() {
        Instant published = Instant.parse("2026-03-10T09:00:00Z");
        assertThat(Entities.eventMonth("2026-03", "attackers broke in last week", published)).isEqualTo("2026-03");
        assertThat(Entities.eventMonth("2026-01", "the intrusion began in January", published)).isEqualTo("2026-01");
        assertThat(Entities.eventMonth("2023-05", "the breach of May 2023 led to a settlement", published)).isEqualTo("2023-05");
        assertThat(Entities.eventMonth("2024-05", "a breach led to a settlement", published)).as("a year the article never names").isNull();
        assertThat(Entities.eventMonth("2026-04", "next month", published)).as("after the article").isNull();
        assertThat(Entities.eventMonth("YYYY-MM", "x", published)).isNull();
        assertThat(Entities.eventMonth("2026-13", "2026", published)).isNull();
        assertThat(Entities.eventMonth("2025-08", "２０２５年８月に不正アクセス", published)).as("full-width digits").isEqualTo("2025-08");
    }
}
