package com.example.digest.summarize;

import java.util.List;
import java.util.Set;

import com.example.digest.digest.Ioc;
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
    void ignoredDomainsAndTheirSubdomainsAreLeftOut() {
        assertThat(extractor.find("Read more at www.news.example/story and https://news.example/x")).isEmpty();
    }

    @Test
    void refangsTheCommonForms() {
        assertThat(IocExtractor.refang("hXXps://a[.]b(.)c[dot]d/x user[at]e(dot)f 10[.]0[.]0[.]1 fe80[:]1"))
                .isEqualTo("https://a.b.c.d/x user@e.f 10.0.0.1 fe80:1");
    }
}
