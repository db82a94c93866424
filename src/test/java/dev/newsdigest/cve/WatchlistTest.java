package dev.newsdigest.cve;

import java.util.List;

import dev.newsdigest.config.ConfigException;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes an item concern a watchlist entry: its CVEs' CPEs, its KEV entries, the vendors and products the model named. */
class WatchlistTest {
    private static DigestItem item(List<CveContext> cves, List<String> vendors, List<String> products) {
        return new DigestItem("news", "https://n.example/a", "t", "t", null, List.of("s"), List.of(new Ioc("cve", "CVE-2025-1")), List.of(),
                List.of(), List.of(), false, null, "offline", "page", DigestItem.Usage.NONE).withCves(cves).withEntities(vendors, products);
    }

    private static CveContext cve(List<String> cpes, CveContext.Kev kev) {
        return new CveContext("CVE-2025-1", null, null, kev, null, cpes, List.of());
    }

    @Test
    void aCpeEntryWithComponentsLeftOutMatchesAnyVersionOfThatProduct() {
        Watchlist list = Watchlist.of(List.of("cpe:2.3:a:fortinet:fortiweb:*"));
        assertThat(list.concerns(item(List.of(cve(List.of("cpe:2.3:a:fortinet:fortiweb:7.4.0:*:*:*:*:*:*:*"), null)), List.of(), List.of())))
                .containsExactly("fortiweb");
        assertThat(list.concerns(item(List.of(cve(List.of("cpe:2.3:a:fortinet:fortios:7.4.0:*:*:*:*:*:*:*"), null)), List.of(), List.of())))
                .isEmpty();
        assertThat(Watchlist.of(List.of("cpe:2.3:a:fortinet:fortiweb:7.2.0")).concerns(
                item(List.of(cve(List.of("cpe:2.3:a:fortinet:fortiweb:7.4.0:*:*:*:*:*:*:*"), null)), List.of(), List.of()))).isEmpty();
    }

    @Test
    void aKevEntryMatchesAfterTrimmingAndCaseFoldingAndGivesItsSpelling() {
        CveContext.Kev simpleHelp = new CveContext.Kev("2025-02-13", "2025-03-06", "Unknown", "SimpleHelp ", "SimpleHelp");
        assertThat(Watchlist.of(List.of("simplehelp")).concerns(item(List.of(cve(List.of(), simpleHelp)), List.of(), List.of())))
                .containsExactly("SimpleHelp");
        CveContext.Kev panOs = new CveContext.Kev("2025-02-20", "2025-03-13", "Unknown", "Palo Alto Networks", "PAN-OS");
        assertThat(Watchlist.of(List.of("Palo Alto Networks PAN-OS", "cpe:2.3:o:paloaltonetworks:pan-os"))
                .concerns(item(List.of(cve(List.of(), panOs)), List.of(), List.of())))
                .as("each entry by the name it matched: vendor and product as written, the product as KEV spells it")
                .containsExactly("Palo Alto Networks PAN-OS", "PAN-OS");
    }

    @Test
    void theModelsNamesMatchInTheirOwnScriptAndFullWidthForm() {
        Watchlist list = Watchlist.of(List.of("FortiWeb", "富士通"));
        assertThat(list.concerns(item(List.of(), List.of("富士通"), List.of("ＦｏｒｔｉＷｅｂ")))).containsExactly("ＦｏｒｔｉＷｅｂ", "富士通");
        assertThat(list.concerns(item(List.of(), List.of("Fujitsu"), List.of("FortiGate")))).isEmpty();
    }

    @Test
    void aVendorEntryConcernsEveryProductOfThatVendor() {
        Watchlist list = Watchlist.of(List.of("Fortinet"));
        assertThat(list.concerns(item(List.of(cve(List.of("cpe:2.3:o:fortinet:fortios:7.4.0:*:*:*:*:*:*:*"), null)), List.of(), List.of())))
                .containsExactly("Fortinet");
        assertThat(Watchlist.of(List.of("cpe:2.3:a:fortinet")).concerns(
                item(List.of(cve(List.of("cpe:2.3:a:fortinet:fortiweb:7.4.0:*:*:*:*:*:*:*"), null)), List.of(), List.of()))).containsExactly("fortinet");
    }

    @Test
    void aCpeThatDoesNotParseIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> Watchlist.of(List.of("cpe:2.3:q:fortinet:fortiweb"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("digest.watchlist: 'cpe:2.3:q:fortinet:fortiweb' is not a CPE 2.3 name");
    }
}
