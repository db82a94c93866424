package dev.newsdigest.summarize;

import java.util.List;
import java.util.Set;

import dev.newsdigest.model.Ioc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** IOCs as analysts and Japanese advisories write them: full-width forms, ATT&CK ids, labelled hashes, URLs in URLs, edges. */
class IocFormsTest {
    private final IocExtractor extractor = new IocExtractor(Set.of("google.com"));

    // 1. full-width and look-alike characters

    @Test
    void fullWidthCveAddressAndHashOfAJapaneseAdvisoryAreFoundInAsciiForm() {
        String text = "本脆弱性（ＣＶＥ－２０２４－３４００）を悪用する攻撃を確認しています。"
                + "攻撃元のＩＰアドレスは１９８．５１．１００．７です。"
                + "不正なファイルのハッシュ値（ＭＤ５）：ｄ４１ｄ８ｃｄ９８ｆ００ｂ２０４ｅ９８００９９８ｅｃｆ８４２７ｅ";
        assertThat(extractor.find(text)).containsExactly(
                new Ioc("cve", "CVE-2024-3400"),
                new Ioc("ipv4", "198.51.100.7"),
                new Ioc("md5", "d41d8cd98f00b204e9800998ecf8427e"));
    }

    @ParameterizedTest(name = "CVE with U+{0}")
    @ValueSource(strings = {"2010", "2011", "2212", "FF0D", "2013"})
    void cveIdsWithHyphenLookAlikesAreFound(String codePoint) {
        String hyphen = Character.toString(Integer.parseInt(codePoint, 16));
        String text = "独立行政法人情報処理推進機構（IPA）は、CVE" + hyphen + "2024" + hyphen + "21762について注意を喚起しています。";
        assertThat(extractor.find(text)).containsExactly(new Ioc("cve", "CVE-2024-21762"));
    }

    @Test
    void offsetsPointBackToTheTextAsWritten() {
        String text = "該当：ＣＶＥ－２０２４－３４００、接続先 hxxps://evil[.]example/a および １９８．５１．１００．７。";
        List<IocExtractor.Located> found = extractor.locate(text, Set.of());
        assertThat(found).extracting(l -> text.substring(l.start(), l.end()))
                .containsExactly("ＣＶＥ－２０２４－３４００", "hxxps://evil[.]example/a", "１９８．５１．１００．７");
        assertThat(found).extracting(l -> l.ioc().value())
                .containsExactly("CVE-2024-3400", "https://evil.example/a", "198.51.100.7");
    }

    @Test
    void aModelsAsciiIocIsGroundedInAFullWidthText() {
        assertThat(IocExtractor.refang("ＣＶＥ－２０２４－３４００　１９８．５１．１００［．］７"))
                .isEqualTo("CVE-2024-3400 198.51.100.7");
    }

    // 2. ATT&CK ids

    @Test
    void attackIdsAreTechniquesOnlyWhenWholeAndTacticsAndMitigationsAreTypedApart() {
        assertThat(extractor.find("T1156.0012 is malformed, T1329FUN is no technique")).isEmpty();
        assertThat(extractor.find("the actor used t1329 and T1059.001 (tactic TA0001, mitigation M1036)")).containsExactly(
                new Ioc("attack_technique", "T1329"),
                new Ioc("attack_technique", "T1059.001"),
                new Ioc("attack_tactic", "TA0001"),
                new Ioc("attack_mitigation", "M1036"));
    }

    // 3. hashes under another label

    @Test
    void hashesLabelledAsAnotherKindAreNeverFileHashes() {
        String md5 = "d41d8cd98f00b204e9800998ecf8427e";
        String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(extractor.find("Imphash: " + md5)).containsExactly(new Ioc("imphash", md5));
        assertThat(extractor.find("authentihash = " + sha256.toUpperCase())).containsExactly(new Ioc("authentihash", sha256));
        assertThat(extractor.find(md5 + " (imphash)")).containsExactly(new Ioc("imphash", md5));
        assertThat(extractor.find("ssdeep: " + md5 + "\nTLSH " + sha256)).isEmpty();
        assertThat(extractor.find("SHA256: " + sha256 + " imphash: " + md5))
                .containsExactly(new Ioc("sha256", sha256), new Ioc("imphash", md5));
        assertThat(extractor.find("imphash: " + md5 + "\n" + sha256)).containsExactly(new Ioc("imphash", md5), new Ioc("sha256", sha256));
    }

    // 4. URLs inside URLs

    @Test
    void aRedirectsEncodedTargetIsAUrlWithItsDomainEvenBehindAnIgnoredHost() {
        var report = extractor.byType("Lure: https://www.google.com/url?q=http%3A%2F%2Fevil-login.com%2Fx%3Fid%3D1&sa=D and "
                + "hxxps://track.mailer.example/c?u=https%253A%252F%252Fdouble-redirect.net%252F&x=1");
        assertThat(report.get("url")).containsExactly("http://evil-login.com/x?id=1",
                "https://track.mailer.example/c?u=https%253A%252F%252Fdouble-redirect.net%252F&x=1", "https://double-redirect.net/");
        assertThat(report.get("domain")).contains("evil-login.com", "double-redirect.net").doesNotContain("google.com");
    }

    // 5. boundaries

    @Test
    void aUrlEndsAtACsvSeparatorAnUnopenedBracketAndTrailingPunctuation() {
        assertThat(extractor.find("http://a.example/x,http://b.example/y,198.51.100.7")).containsExactly(
                new Ioc("url", "http://a.example/x"), new Ioc("url", "http://b.example/y"), new Ioc("ipv4", "198.51.100.7"));
        assertThat(extractor.find("(see http://a.example/p?ids=1,2,3) and [http://c.example/z], then http://d.example/q, done"))
                .containsExactly(new Ioc("url", "http://a.example/p?ids=1,2,3"), new Ioc("url", "http://c.example/z"),
                        new Ioc("url", "http://d.example/q"));
        assertThat(extractor.find("https://en.wikipedia.example/wiki/Foo_(bar).")).containsExactly(
                new Ioc("url", "https://en.wikipedia.example/wiki/Foo_(bar)"));
    }

    @Test
    void credentialsInAUrlMakeNeitherAnEmailNorASecondHost() {
        assertThat(extractor.find("payload at http://user:pass@host:8080/ and http://admin:pw@evil.example:8443/p"))
                .containsExactly(new Ioc("url", "http://user:pass@host:8080/"), new Ioc("url", "http://admin:pw@evil.example:8443/p"));
        assertThat(UrlIocs.host("http://user:pass@host:8080/")).isEqualTo("host");
    }

    // 6. XMPP addresses

    @Test
    void xmppAndJabberAccountsAreNotEmailAddresses() {
        assertThat(extractor.find("""
                Negotiation over xmpp:lockbit@jabber.example or Jabber: support@exploit.example.
                Contact via XMPP at ops@chat.example; ransom notes came from billing@mail.example.""")).containsExactly(
                new Ioc("xmpp", "lockbit@jabber.example"),
                new Ioc("xmpp", "support@exploit.example"),
                new Ioc("xmpp", "ops@chat.example"),
                new Ioc("email", "billing@mail.example"));
    }

    // 7. rules measured on the public vectors (IocVectorsTest)

    @Test
    void aUrlWithoutASchemeNeedsARealSuffixAndAPathAndAFileNameIsNoDomain() {
        assertThat(extractor.find("Stage 2 came from evil-cdn.com/dl/stage2.php and evil.zip/payload; run setup.py, unpack "
                + "archive.zip, see docs.example/x or example.com/ for more")).containsExactly(
                new Ioc("url", "evil-cdn.com/dl/stage2.php"), new Ioc("url", "evil.zip/payload"), new Ioc("domain", "example.com"));
        assertThat(extractor.find("the lure domain evil[.]zip, not the file archive.zip")).containsExactly(new Ioc("domain", "evil.zip"));
        assertThat(extractor.find("src/setup.py/ and 192.0.2.7/gate.php")).containsExactly(new Ioc("ipv4", "192.0.2.7"));
    }

    @Test
    void aMailboxMayBeAtAnIpLiteralAndItsAddressIsNotFoundAgain() {
        assertThat(extractor.find("from user@[192.0.2.1], ops@[IPv6:2001:db8::1] and root@198.51.100.7")).containsExactly(
                new Ioc("email", "user@[192.0.2.1]"), new Ioc("email", "ops@[ipv6:2001:db8::1]"), new Ioc("email", "root@198.51.100.7"));
        assertThat(extractor.find("foobar@gmail.comahhhh and x@example.com.tld are none")).isEmpty();
        assertThat(extractor.find("foo@swissjabber.de and bar@jabber.zone")).containsExactly(
                new Ioc("xmpp", "foo@swissjabber.de"), new Ioc("xmpp", "bar@jabber.zone"));
    }

    @Test
    void cveIdsAreFoundInFileAndRepositoryNames() {
        assertThat(extractor.find("exploit-CVE-2024-3400.py, CVE_2023_4966 and cve 2021-44228; CVE-1998-0001 is none"))
                .containsExactly(new Ioc("cve", "CVE-2024-3400"), new Ioc("cve", "CVE-2023-4966"), new Ioc("cve", "CVE-2021-44228"));
    }

    @Test
    void aUrlDoesNotSwallowTheCsvFieldsGluedAfterIt() {
        assertThat(extractor.find("url,http://a.example/abc,False,False\nurl,https://b.example/g/foo,Malicious Google Groups"))
                .containsExactly(new Ioc("url", "http://a.example/abc"), new Ioc("url", "https://b.example/g/foo"));
    }

    @Test
    void hashesAndAddressesInsideLongerTokensAreNone() {
        String md5 = "68b329da9893e34099c7d8ad5cb9c940";
        assertThat(extractor.find("words" + md5 + "words test" + md5 + " 0x" + md5)).isEmpty();
        assertThat(extractor.find(".!@.." + md5 + "!@#-")).containsExactly(new Ioc("md5", md5));
        assertThat(extractor.find("1.1.1.1.a host.1.2.3.4 and .5.6.7.8 but ..9.9.9.9! and 18.12.15.14.")).containsExactly(
                new Ioc("ipv4", "9.9.9.9"), new Ioc("ipv4", "18.12.15.14"));
    }

    @Test
    void linksToTheSitesThatDefineIdsAreReferencesButTheIdsInThemAreFound() {
        assertThat(extractor.find("See https://attack.mitre.org/techniques/T1059/ and https://nvd.nist.gov/vuln/detail/CVE-2024-3400 "
                + "and https://www.cve.org/CVERecord?id=CVE-2023-4966 (tactic ta0001)")).containsExactly(
                new Ioc("attack_technique", "T1059"), new Ioc("cve", "CVE-2024-3400"), new Ioc("cve", "CVE-2023-4966"),
                new Ioc("attack_tactic", "TA0001"));
    }

    @Test
    void otherSchemesGiveTheirHostAndFtpIsAUrl() {
        assertThat(extractor.find("beacon tcp://198.51.100.7:443/x and udp://c2.evil-dns.com:53/q, drop ftp://files.evil-dns.com/a.bin"))
                .containsExactly(new Ioc("ipv4", "198.51.100.7"), new Ioc("domain", "c2.evil-dns.com"),
                        new Ioc("url", "ftp://files.evil-dns.com/a.bin"));
    }

    @Test
    void spacedAndEscapedDefangingAndBrokenHostsAreRead() {
        assertThat(extractor.find("evil [ . ] com, 10\\.0\\.0\\.1, http://evil.com[/]gate and http://example,com/"))
                .containsExactly(new Ioc("domain", "evil.com"), new Ioc("ipv4", "10.0.0.1"), new Ioc("url", "http://evil.com/gate"));
        assertThat(extractor.find("http://fdc4:2581:575b:5a72:0000:0000:0000:0001")).containsExactly(
                new Ioc("ipv6", "fdc4:2581:575b:5a72:0000:0000:0000:0001"));
    }

    @Test
    void urlsDifferingOnlyInTheCaseOfTheirHostAreOneButTheirPathsAreCaseSensitive() {
        assertThat(extractor.find("http://EVIL.com/a http://evil.com/a http://evil.com/A")).containsExactly(
                new Ioc("url", "http://EVIL.com/a"), new Ioc("url", "http://evil.com/A"));
    }
}
