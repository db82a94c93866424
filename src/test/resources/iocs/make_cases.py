#!/usr/bin/env python3
"""Builds cases.json from the vectors of iocextract/ and ioc-finder/ (see PROVENANCE.md), labelled by OUR rules
(docs/extraction.md, "IOCs"). Run once: `python3 make_cases.py > cases.json`. The split is made here, by a fixed rule
(stratum = type of the first expected indicator, or "none"; within a stratum cases are ranked by sha256 of their id and
every rank r with r % 10 in {0, 3, 6} is holdout), and is then kept in cases.json: it is never recomputed."""
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
cases = []


def case(cid, text, expected, note=""):
    assert not any(c["id"] == cid for c in cases), cid
    cases.append({"id": cid, "text": text, "expected": [{"type": t, "value": v} for t, v in expected], "note": note})


MD5 = "68b329da9893e34099c7d8ad5cb9c940"
SHA1 = "adc83b19e793491b1c6ea0fd8b46cd9f32e592fc"
SHA256 = "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"
SHA512 = ("be688838ca8686e5c90689bf2ab585cef1137c999b48c70b92f67a5c34dc15697b5d11c982ed6d71be1e1e7f7b4e0733884aa97c3f"
          "7a339a8ed03577cf74be09")
WRAP = {
    "bare": lambda c: c,
    "spaces": lambda c: "  " + c + "  ",
    "tabs": lambda c: "\t\t" + c + "\t\t",
    "newlines": lambda c: "\r\n" + c + "\r\n",
    "words": lambda c: "words" + c + "words",
    "nonwords": lambda c: ".!@.." + c + "!@#-",
}

# ---------------------------------------------------------------- iocextract: test_data/input.txt, line by line
IPV6 = "fdc4:2581:575b:5a72:0000:0000:0000:0001"
INPUT_LABELS = {
    "http://192.168.0.1": [("url", "http://192.168.0.1")],
    "http://192,168,0,1": [],
    "http://192.168.0.1:80/path": [("url", "http://192.168.0.1:80/path")],
    "http://192[.]168[.]0[.]1:80/path": [("url", "http://192.168.0.1:80/path")],
    "192[.]168[.]0[.]1:80/path": [("ipv4", "192.168.0.1")],
    "192.168.0.1": [("ipv4", "192.168.0.1")],
    "tcp://192[.]168[.]0[.]1:80/path": [("ipv4", "192.168.0.1")],
    "tcp://[" + IPV6 + "]:80/path": [("ipv6", IPV6)],
    "http://example.com:80/path": [("url", "http://example.com:80/path")],
    "http://" + IPV6: [("ipv6", IPV6)],
    "http://[" + IPV6 + "]:80/path": [("url", "http://[" + IPV6 + "]:80/path")],
    "[" + IPV6 + "]:80/path": [("ipv6", IPV6)],
    IPV6: [("ipv6", IPV6)],
    "http://example.com/": [("url", "http://example.com/")],
    "http://example[.]com/": [("url", "http://example.com/")],
    "http://example(.)com/": [("url", "http://example.com/")],
    "http://example[.]com/[.]": [("url", "http://example.com/")],
    "hxxp://example[.]com/": [("url", "http://example.com/")],
    "tcp://example[.]com/": [("domain", "example.com")],
    "example[.]com/": [("domain", "example.com")],
    "hxxp://example[dot]com/": [("url", "http://example.com/")],
    "example[dot]com": [("domain", "example.com")],
    "192[.]168[dot]0[.]1": [("ipv4", "192.168.0.1")],
    "http://example[.com/": [],
    "http://example.com/ test": [("url", "http://example.com/")],
    "http://example.com test /test": [("url", "http://example.com")],
    "http://example.com[/]test": [("url", "http://example.com/test")],
    "http://[example.com": [("domain", "example.com")],
    "http://example.com": [("url", "http://example.com")],
    "http://example,com/": [],
    "example.com": [("domain", "example.com")],
    "http://example.com/[.": [("url", "http://example.com/")],
    "hxxp://example.com": [("url", "http://example.com")],
    "http://example[.]com": [("url", "http://example.com")],
    "hxxp://example[.]com": [("url", "http://example.com")],
    "example[.]com": [("domain", "example.com")],
    "http://example[dot]com": [("url", "http://example.com")],
    "http://192[.]168[.]0[.]1": [("url", "http://192.168.0.1")],
    "192[.]168[.]0[.]1": [("ipv4", "192.168.0.1")],
    "example,com": [],
    "http://exa-mple.com": [("url", "http://exa-mple.com")],
    "http://ex4mple.com": [("url", "http://ex4mple.com")],
    "short[.]is": [("domain", "short.is")],
    "AAAAA": [],
    "+example.tld+": [],
    "85": [],
    "85.85": [],
    "_____": [],
    "_____.tld": [],
    "http://example.com\\\\bad.doc": [("url", "http://example.com\\\\bad.doc")],
    "x.x.x.x": [],
    "tooshor.t": [],
    "tooshor.": [],
    "http://123.123.123.123/test": [("url", "http://123.123.123.123/test")],
    "http://example[.]com/[.].com": [("url", "http://example.com/..com")],
    "tcp://example[.]com:80/": [("domain", "example.com")],
    "example[.]com test": [("domain", "example.com")],
    "192.168.0.1/some/url": [("ipv4", "192.168.0.1")],
    "192.168.0.1:9090": [("ipv4", "192.168.0.1")],
    "192.168.0.1:9090/url": [("ipv4", "192.168.0.1")],
    "192[.]168[.]0[.]1:9090/url": [("ipv4", "192.168.0.1")],
    "192[.]188[dot]0[.]1:9090/url": [("ipv4", "192.188.0.1")],
    MD5: [("md5", MD5)],
    SHA1: [("sha1", SHA1)],
    SHA256: [("sha256", SHA256)],
    SHA512: [("sha512", SHA512)],
    "adc83b191b1c6ea0fd8b46cd9f32e592fc": [],
    "hxxps://example[.]com/": [("url", "https://example.com/")],
    "123-456-7890": [],
    "123.102.1215": [],
    "(123) 456-7890": [],
}
seen = set()
with open(os.path.join(HERE, "iocextract", "input.txt")) as f:
    for n, line in enumerate(f.read().split("\n"), 1):
        if line in seen:
            continue
        seen.add(line)
        case("iocextract-input-%03d" % n, line, INPUT_LABELS[line], "iocextract test_data/input.txt line %d" % n)
assert seen == set(INPUT_LABELS), set(INPUT_LABELS) - seen

# ---------------------------------------------------------------- iocextract: tests.py, hashes
for name, value in [("md5", MD5), ("sha1", SHA1), ("sha256", SHA256), ("sha512", SHA512)]:
    for w, wrap in WRAP.items():
        if w == "bare":
            continue
        expected = [] if w == "words" else [(name, value)]
        case("iocextract-%s-%s" % (name, w), wrap(value), expected,
             "tests.py test_%s_extract, _wrap_%s" % (name, w) + ("; glued into a word: part of a longer token, no hash" if w == "words" else ""))
case("iocextract-hash-block", "\n            %s\n            %s\n            %s\n            %s\n        " % (MD5, SHA1, SHA256, SHA512),
     [("md5", MD5), ("sha1", SHA1), ("sha256", SHA256), ("sha512", SHA512)], "tests.py test_hash_extract")

# ---------------------------------------------------------------- iocextract: tests.py, e-mail
EMAILS = [
    ("myuser@example.com", [("email", "myuser@example.com")]),
    ("myuser+some@example.com", [("email", "myuser+some@example.com")]),
    ("my.user@example.com", [("email", "my.user@example.com")]),
    ("my.user.24@example.com", [("email", "my.user.24@example.com")]),
    ("my.u+ser24@example.com", [("email", "my.u+ser24@example.com")]),
    ("myuser@exam.ple.com", [("email", "myuser@exam.ple.com")]),
    ("my.u+ser24@exa.mple24.tl", [("email", "my.u+ser24@exa.mple24.tl")]),
    ("my_user@example.co", [("email", "my_user@example.co")]),
    ("a@a.co", [("email", "a@a.co")]),
    ("a@127.0.0.1", [("email", "a@127.0.0.1")]),
    ("myuser @example[.]com", [("domain", "example.com")]),
    ("myuser@ example[.]com", [("domain", "example.com")]),
    ("myuser @ example[.]com", [("domain", "example.com")]),
    ("myuser @ example [ . ] com", [("domain", "example.com")]),
    ("myuser @ example.com", [("domain", "example.com")]),
    ("myuser@example [.] com", [("email", "myuser@example.com")]),
    ("myuser@example[.]com[.]tld", []),
    ("myuser@example(.)com[.tld", [("email", "myuser@example.com")]),
    ("myuser@example[.]com.tld", []),
    ("myuser@example [.] com.tld", []),
    ("myuser@example [.] com [.] tld", []),
    ("myuser@example  [  .  ]   com", [("email", "myuser@example.com")]),
    ("@a.co", []),
    ("myuser@", []),
    ("@", []),
    ("a@a", []),
    ("myuser @ word more words", []),
    ("myuser @ word more words.period", []),
    ("myuser @ words. Sentence", []),
    ("myuser@example . com", []),
    ("myuser@example .]com", []),
    ("myuser@example [.] com. tld", [("email", "myuser@example.com")]),
    ("myuser@example [.] com . tld", [("email", "myuser@example.com")]),
    ("myuser@example [.] com!!!???", [("email", "myuser@example.com")]),
    ("test@example.com", [("email", "test@example.com")]),
]
for n, (text, expected) in enumerate(EMAILS, 1):
    case("iocextract-email-%02d" % n, text, expected, "tests.py test_email_extract / test_email_refang / test_email_included_in_iocs")
for w in ("tabs", "newlines"):
    case("iocextract-email-wrap-" + w, WRAP[w]("my.u+ser24@example.com"), [("email", "my.u+ser24@example.com")], "tests.py test_email_extract, _wrap_" + w)

# ---------------------------------------------------------------- iocextract: tests.py, IPv4 / IPv6
IPV4S = ["127.0.0.1", "192.168.255.255", "1.1.1.1", "1[.]1[.]1[.]1", "1(.)1(.)1(.)1", "111[.]111[.]111[.]111",
         "111[.]111.111[.]111", "0.0.0.0", "100.100.100.100", "200.200.200.200", "200.201.210.209", "105.105.105.105",
         "250.250.250.250", "26.26.26.26", "255.255.255.255"]
for n, text in enumerate(IPV4S, 1):
    w = ["bare", "spaces", "tabs", "newlines", "words", "nonwords"][n % 6]
    value = text.replace("[.]", ".").replace("(.)", ".")
    case("iocextract-ipv4-%02d" % n, WRAP[w](text), [("ipv4", value)], "tests.py test_ipv4_extract, _wrap_" + w)
for n, text in enumerate(["111[.111.]111[.111", "192.168.1", "192.168.a.1", "11111.1111.1111.1111"], 1):
    case("iocextract-ipv4-invalid-%d" % n, text, [], "tests.py test_ipv4_extract; a half bracket is no defanging (our rule)" if n == 1 else "tests.py invalid_list")
for n, text in enumerate(["10.10.10\\.10", "10\\.10\\.10\\.10"], 1):
    case("iocextract-ipv4-backslash-%d" % n, text, [("ipv4", "10.10.10.10")], "tests.py test_ip_regex_allows_backslash_escape")
IPV6S = ["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8:85a3:0:0:8a2e:370:7334", "2001:db8:85a3::8a2e:370:7334",
         "2001:db8::1", "2001:0db8::0001", "2001:db8:0:0:0:0:2:1", "2001:db8::2:1", "2001:db8:0000:1:1:1:1:1",
         "2001:db8:0:1:1:1:1:1", "2001:db8::1:0:0:1", "2001:db8:1234:0000:0000:0000:0000:0000",
         "2001:db8:1234:ffff:ffff:ffff:ffff:ffff", "fe80::1ff:fe23:4567:890a"]
for n, text in enumerate(IPV6S, 1):
    w = ["bare", "spaces", "tabs", "newlines", "nonwords"][n % 5]
    case("iocextract-ipv6-%02d" % n, WRAP[w](text), [("ipv6", text)], "tests.py test_ipv6_extract, _wrap_" + w)
for n, text in enumerate(["::1", "::"], 1):
    case("iocextract-ipv6-invalid-%d" % n, text, [], "tests.py test_ipv6_extract invalid_list: too short to tell from text")

# ---------------------------------------------------------------- iocextract: tests.py, URLs
DOMAINS = ["example.com", "192.168.1.1", "example[.]com", "asda.asdasdas.acasc.example.com", "12.123.asdas.com", "a.a", "example"]
PREFIXES = ["http://", "hxxp://", "https://", "hxxps://", "HXXP://", "ftp://", "tcp://"]
APPENDS = ["/test.com?asd=qwe%20_#zxc", "/test.com?asd=qwe#zxc", "/test.com", "/test", "/", "//", "", " /test/path"]
for i, d in enumerate(DOMAINS):
    for j, p in enumerate(PREFIXES):
        a = APPENDS[(i + j) % len(APPENDS)]
        host = d.replace("[.]", ".")
        if p == "tcp://":
            if host == "192.168.1.1":
                expected = [("ipv4", host)]
            elif host.endswith(".com"):
                expected = [("domain", host)]
            else:
                expected = []
        else:
            scheme = {"hxxp://": "http://", "HXXP://": "http://", "hxxps://": "https://"}.get(p, p)
            expected = [("url", scheme + host + (a if not a.startswith(" ") else ""))]
        case("iocextract-url-%d-%d" % (i, j), p + d + a, expected, "tests.py test_url_extract (domain %d, prefix %d, append %d)" % (i, j, (i + j) % 8))
PUNCT = [("http://example.com!", "http://example.com"), ("http://example.com!!!!", "http://example.com"),
         ("http://example.com/!!!!", "http://example.com/"), ("http://example.com/!", "http://example.com/"),
         ("http://example.com/?", "http://example.com/"), ("http://example.com/!path", "http://example.com/!path"),
         ("http://example.com/?path", "http://example.com/?path"), ("http://example.com?", "http://example.com"),
         ("http://example.com.", "http://example.com"), ("http://example.com/?q=test???", "http://example.com/?q=test"),
         ("http://example.com/ ...", "http://example.com/"), ("http://example.com/)", "http://example.com/"),
         ("http://example.com/'", "http://example.com/")]
for n, (text, value) in enumerate(PUNCT, 1):
    case("iocextract-url-punct-%02d" % n, text, [("url", value)], "tests.py test_url_extraction_handles_punctuation")
    schemeless = text.replace("http://example.com", "example[.]com")
    v = value.replace("http://", "")
    expected = [("url", v)] if len(v) > len("example.com/") else [("domain", "example.com")]
    case("iocextract-url-punct-schemeless-%02d" % n, schemeless, expected,
         "tests.py test_url_extraction_handles_punctuation; without a scheme a URL needs a path after the host")
for n, text in enumerate(["http://example.com/test[.]htm", "http://example[.]com/test[.]htm"], 1):
    case("iocextract-url-path-refang-%d" % n, text, [("url", "http://example.com/test.htm")], "tests.py test_path_refang")
case("iocextract-url-strip", 'http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData',
     [("url", "http://schemas.openxmlformats.org/drawingml/2006/main")], "tests.py test_url_strip")
case("iocextract-url-included", "http://domain.com/test", [("url", "http://domain.com/test")], "tests.py test_url_included_in_iocs")
case("iocextract-url-ipv6-port", "http://[2001:db8:85a3:0:0:8a2e:370:7334]:80/test",
     [("url", "http://[2001:db8:85a3:0:0:8a2e:370:7334]:80/test")], "tests.py test_refang_url")
case("iocextract-url-refang-list", "http://example(.)com(/)test hxxp://example[.]com[/]test http://example[dot]com/test",
     [("url", "http://example.com/test")], "tests.py test_refang_url (three of its forms on one line)")
case("iocextract-domain-invalid", "domain.com ship_Element", [("domain", "domain.com")],
     "tests.py test_url_extract invalid_list: no URL, but domain.com is a domain")

# ---------------------------------------------------------------- ioc-finder: tests/find_iocs_cases
A = "a" * 32
B = "b" * 40
C = "c" * 64
D = "d" * 128
case("ioc-finder-urls-1", "https://example.com/test%20page/foo.com/bingo.php?q=bar.com",
     [("url", "https://example.com/test%20page/foo.com/bingo.php?q=bar.com")], "urls.py; names inside a URL are part of it")
case("ioc-finder-urls-2", "Foo https://citizenlab.ca/about/), bar", [("url", "https://citizenlab.ca/about/")], "urls.py")
case("ioc-finder-urls-3", "DownloadString('https://example[.]com/rdp.ps1');g $I DownloadString(\"https://example[.]com/rdp.ps2\");g $I",
     [("url", "https://example.com/rdp.ps1"), ("url", "https://example.com/rdp.ps2")], "urls.py")
case("ioc-finder-urls-4", "url,https://example.com/g/foo,Malicious Google Groups discussion", [("url", "https://example.com/g/foo")],
     "urls.py; a CSV field after the URL is not part of it")
case("ioc-finder-urls-5", "https://example.com/g//foo", [("url", "https://example.com/g//foo")], "urls.py")
case("ioc-finder-domains-1", "this is just a (google.com) test of example.com", [("domain", "google.com"), ("domain", "example.com")], "domains.py")
case("ioc-finder-domains-2",
     "https://asf.goole.com/mail?url=http%3A%2F%2Ffreasdfuewriter.com%2Fcs%2Fimage%2FCommerciaE.jpg&t=1575955624&ymreqid=733bc9eb-e8f-34cb-1cb5-120010019e00&sig=x2Pa2oOYxanG52s4vyCEFg--~Chttp://uniddloos.zddfdd.org/CBA0019_file_00002_pdf.zip",
     [("url", "https://asf.goole.com/mail?url=http%3A%2F%2Ffreasdfuewriter.com%2Fcs%2Fimage%2FCommerciaE.jpg&t=1575955624&ymreqid=733bc9eb-e8f-34cb-1cb5-120010019e00&sig=x2Pa2oOYxanG52s4vyCEFg--~Chttp://uniddloos.zddfdd.org/CBA0019_file_00002_pdf.zip"),
      ("url", "http://freasdfuewriter.com/cs/image/CommerciaE.jpg"), ("url", "http://uniddloos.zddfdd.org/CBA0019_file_00002_pdf.zip")],
     "domains.py (the text of its three cases, once); the URLs a URL carries are URLs; a file name is no domain")
case("ioc-finder-domains-3", "%2Ffreasdfuewriter.com", [("domain", "freasdfuewriter.com")], "domains.py; %2F is an escaped slash, not part of the name")
case("ioc-finder-domains-4", "freasdfuewriter.com%2F", [("domain", "freasdfuewriter.com")], "domains.py")
case("ioc-finder-domains-5", "1.1.1.1/0 foobar.com/test/bingo.php", [("ipv4", "1.1.1.1"), ("url", "foobar.com/test/bingo.php")],
     "domains.py; a CIDR range is out of scope, its address is an ipv4; a URL without a scheme is reported as written")
case("ioc-finder-email-1",
     "a@example.com test@a.com bingo@en.wikipedia.com foo@a.com'.format('a'*63 bar@b.a.com'.format('a'*63, 'a'*63 bad@test-ing.com me@2600.com john.smith(comment)@example.com (comment)john.smith@example.com \"John..Doe\"@example.com' test@[192.168.0.1]",
     [("email", "a@example.com"), ("email", "test@a.com"), ("email", "bingo@en.wikipedia.com"), ("email", "foo@a.com"),
      ("email", "bar@b.a.com"), ("email", "bad@test-ing.com"), ("email", "me@2600.com"), ("email", "john.smith@example.com"),
      ("email", "test@[192.168.0.1]")], "email.py; RFC comments and quoted local parts are out of scope")
case("ioc-finder-xmpp-1", "foo@swissjabber.de bar@jabber.zone bom@jabber.sow.as me@example.com",
     [("xmpp", "foo@swissjabber.de"), ("xmpp", "bar@jabber.zone"), ("xmpp", "bom@jabber.sow.as"), ("email", "me@example.com")],
     "email.py (text of xmpp_1 and xmpp_2); a Jabber server's name makes the address XMPP")
case("ioc-finder-xmpp-2", "user@xmpp_chat.example.com", [("xmpp", "user@xmpp_chat.example.com")], "email.py xmpp_underscored_label")
case("ioc-finder-ip-1", "this is just a (1.2.3.54) test of 255.255.1.255 255.256.344.1", [("ipv4", "1.2.3.54"), ("ipv4", "255.255.1.255")], "ip_addr.py")
case("ioc-finder-ip-2",
     "2001:0db8:0000:0000:0000:ff00:0042:8329 testing 2001:db8:0:0:0:ff00:42:8329 shfaldkafsdfa 2001:db8::ff00:42:8329 asdfadfas afkj;fl ::1 kljfkadf 1:1 ",
     [("ipv6", "2001:0db8:0000:0000:0000:ff00:0042:8329"), ("ipv6", "2001:db8:0:0:0:ff00:42:8329"), ("ipv6", "2001:db8::ff00:42:8329")],
     "ip_addr.py; ::1 is too short to report")
case("ioc-finder-ip-3", "1.2.3.4/0 1.2.3.4/10 1.2.3.4/20 1.2.3.4/32", [("ipv4", "1.2.3.4")], "ip_addr.py; CIDR ranges out of scope")
case("ioc-finder-hashes-1", "%s %s %s %s %s" % ("A" * 32, A, B, C, D), [("md5", A), ("sha1", B), ("sha256", C), ("sha512", D)], "hashes.py")
for n, (text, expected) in enumerate([("cve-2014-1000", [("cve", "CVE-2014-1000")]), ("cve 2014-1001", [("cve", "CVE-2014-1001")]),
                                      ("cve-1999-1002", [("cve", "CVE-1999-1002")]), ("CVE 2999-1003", []), ("CVE 1928-1004", [])], 1):
    case("ioc-finder-cve-%d" % n, text, expected, "cves.py, one token of its text; years before 1999 and after next year are no CVE ids")
ATTACK = [
    ("Mitigations: 41\n        ID  Name    Description\n        M1036   Account Use Policies\n        Configure features related to account use like login attempt lockouts, specific login times, etc.\n\n        M1015   Active Directory Configuration\n        Configur",
     [("attack_mitigation", "M1036"), ("attack_mitigation", "M1015")]),
    (" Name    Description\n        M1013   Application Developer Guidance\n        This mitigation describes any guidance or training given to developers of applications to avoid introducing security weaknesses that an adversary may be able to take advantage of.\n\n        M1005   Application Vetting\n        Enterprises can vet applications for exploitable vulnerabilities or unwanted (privacy-invasive or malicious) behaviors. Enterprises can inspect appl",
     [("attack_mitigation", "M1013"), ("attack_mitigation", "M1005")]),
    ("\n        ID  Name    Description\n        T1329   Acquire and/or use 3rd party infrastructure services\n        A wide variety of cloud, virtual private services, hosting, compute, and storage solutions are available. Additionally botnets are available for rent or purchase. Use of these solutions allow an adversary to stage, launch, and execute an attack from infrastructure that does not physically tie back to them and can be rapidly provisioned, modified, and shut down.\n\n        T1307   Acquire and/or use 3rd party infrastructure services\n        A wide variety of cloud, virtual private services, hosting, compute, and storage solutions are available. Additionally botnets are available for rent or purchase. Use of these solutions allow an adversary to stage, launch, and execute an attack from infrastructure that does not physically tie back to them and can be rapidly provisioned, modified, and shut down.\n\n        T1308",
     [("attack_technique", "T1329"), ("attack_technique", "T1307"), ("attack_technique", "T1308")]),
    ("\n        ID  Name    Description\n        TA0012  Priority Definition Planning    Priority definition planning consists of the process of determining the set of Key Intelligence Topics (KIT) or Key Intelligence Questions (KIQ) required for meeting key strategic, operational, or tactical goals. Leadership outlines the priority definition (may be considered a goal) around which the adversary designs target selection and a plan to achieve. An analyst may outline the priority definition when in the course of determining gaps in existing KITs or KIQs.\n        TA0013  Priority Definition Direction   Priority definition direction consists of the process of collecting and assigning requirements for meeting Key Intelligence Topics (KIT) or Key Intelligence Questions (KIQ) as determined by leadership.\n        TA0014  Targ",
     [("attack_tactic", "TA0012"), ("attack_tactic", "TA0013"), ("attack_tactic", "TA0014")]),
    ("FOOT1329", []), ("T1329FUN", []), ("foot1329", []), ("t1329", [("attack_technique", "T1329")]),
    ("T1156", [("attack_technique", "T1156")]), ("AT0001", []), ("TA0001FUN", []), ("foota0001", []),
    ("ta0001", [("attack_tactic", "TA0001")]),
    ("https://attack.mitre.org/tactics/TA0001/", [("attack_tactic", "TA0001")]),
    ("T1546.004", [("attack_technique", "T1546.004")]), ("T1156.0012", []),
]
for n, (text, expected) in enumerate(ATTACK, 1):
    case("ioc-finder-attack-%02d" % n, text, expected,
         "attack_data.py" + ("; attack.mitre.org is a reference site: no URL, no domain" if "mitre" in text else ""))

# ---------------------------------------------------------------- ioc-finder: tests/test_edge_cases.py
EDGE = [
    ("text_a", "example.com is a nice domain if you consider http://bad.com/test/bingo.php to be bad. %s %s %s 1.2.3.4 192.64.55.61 bad12312@example.org" % (A, B, C),
     [("domain", "example.com"), ("url", "http://bad.com/test/bingo.php"), ("md5", A), ("sha1", B), ("sha256", C),
      ("ipv4", "1.2.3.4"), ("ipv4", "192.64.55.61"), ("email", "bad12312@example.org")]),
    ("url-github", "https://github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh",
     [("url", "https://github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh")]),
    ("url-fonts", '<link href="http://fonts.googleapis.com/css?family=Lato:400,700" rel="stylesheet" type="text/css"/>',
     [("url", "http://fonts.googleapis.com/css?family=Lato:400,700")]),
    ("url-bitly-1", '<a href="https://bit.ly/12345#abcd" target="_blank" style="text-decoration:none;;">', [("url", "https://bit.ly/12345#abcd")]),
    ("url-bitly-2", '<a href="https://bit.ly/12345" target="_blank" style="text-decoration:none;;">', [("url", "https://bit.ly/12345")]),
    ("url-bitly-3", '<a href="https://bit.ly" target="_blank" style="text-decoration:none;;">', [("url", "https://bit.ly")]),
    ("url-bitly-4", '<a href="https://bit.ly/" target="_blank" style="text-decoration:none;;">', [("url", "https://bit.ly/")]),
    ("url-double-slash", "http://example.com//test", [("url", "http://example.com//test")]),
    ("schemeless-1", "github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh",
     [("url", "github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh")]),
    ("schemeless-2", "github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh hightower.space/projects",
     [("url", "github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh"), ("url", "hightower.space/projects")]),
    ("schemeless-3", "https://github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh hightower.space/projects",
     [("url", "https://github.com/StylishThemes/GitHub-Dark/blob/master/tools/authors.sh"), ("url", "hightower.space/projects")]),
    ("email-ip-1", ">test@[192.168.2.1]<", [("email", "test@[192.168.2.1]")]),
    ("email-ip-2", "bad@[192.168.7.3]", [("email", "bad@[192.168.7.3]")]),
    ("email-ip-3", "bad@[192.168.7.3]aaaaa", [("email", "bad@[192.168.7.3]")]),
    ("email-ip-4", "jsmith@[IPv6:2001:db8::1]", [("email", "jsmith@[ipv6:2001:db8::1]")]),
    ("url-ip", "http://192.64.55.61/test.php", [("url", "http://192.64.55.61/test.php")]),
    ("url-new-gtld", "http://foo.youtube/test.php", [("url", "http://foo.youtube/test.php")]),
    ("idn", "\u0229xample.com", [("domain", "\u0229xample.com")]),
    ("dedup-domain", "example.com example.com", [("domain", "example.com")]),
    ("hash-glued", "this is a test" + A, []),
    ("hash-spaced", "this is a test " + A, [("md5", A)]),
    ("hash-quoted", 'this is a test "%s"' % A, [("md5", A)]),
    ("hash-period", "this is a test %s." % A, [("md5", A)]),
    ("url-html", "http://192.168.0.1/test/bad.html</a><br></div>", [("url", "http://192.168.0.1/test/bad.html")]),
    ("url-img", '<IMg SRc="https://i.imgur.com/abc.png#4827766048"/><br>\n<IMg SRc="https://i.imgur.com/def.png#4827766048"/><br>',
     [("url", "https://i.imgur.com/abc.png#4827766048"), ("url", "https://i.imgur.com/def.png#4827766048")]),
    ("url-img-2", '<IMg SRc="https://i.imgur.com/abc.png"/><br>', [("url", "https://i.imgur.com/abc.png")]),
    ("url-paren", "(https://i.imgur.com/abc.png)", [("url", "https://i.imgur.com/abc.png")]),
    ("url-paren-fragment", "(https://i.imgur.com/abc.png#abc)", [("url", "https://i.imgur.com/abc.png#abc")]),
    ("url-markdown", "[https://i.imgur.com/abc.png](https://i.imgur.com/abc.png)", [("url", "https://i.imgur.com/abc.png")]),
    ("url-markdown-fragment", "[https://i.imgur.com/abc.png#abc](https://i.imgur.com/abc.png#abc)", [("url", "https://i.imgur.com/abc.png#abc")]),
    ("url-quote-1", "DownloadString('https://hacks4all[.]net/rdp.ps1');g $I", [("url", "https://hacks4all.net/rdp.ps1")]),
    ("domain-host", "Host: dfasdfa (mz-fcb301p.ocn.ad.jp asdfsdafs", [("domain", "mz-fcb301p.ocn.ad.jp")]),
    ("domain-no-suffix", "smtp.mailfrom", []),
    ("domain-bare", "bar.com", [("domain", "bar.com")]),
    ("domain-dquote", 'bar.com"', [("domain", "bar.com")]),
    ("domain-squote", "bar.com'", [("domain", "bar.com")]),
    ("domain-period", "bar.com.", [("domain", "bar.com")]),
    ("email-quote-inside", 'my email is: foo"bar@gmail.com', [("email", "bar@gmail.com")]),
    ("email-quote-after", 'foobar@gmail.com"', [("email", "foobar@gmail.com")]),
    ("email-glued", "foobar@gmail.comahhhhhhhh", []),
    ("email-quote-before", '"foobar@gmail.com', [("email", "foobar@gmail.com")]),
    ("email-header", "smtp.mailfrom=example@example.com", [("email", "example@example.com")]),
    ("email-quoted", '"foo@bar.com"', [("email", "foo@bar.com")]),
    ("email-period", "foo@bar.com.", [("email", "foo@bar.com")]),
    ("email-dashes", "-----foo@bar.com", [("email", "foo@bar.com")]),
    ("email-hyphen", "foo-burt@bar.com f-1@bar.com", [("email", "foo-burt@bar.com"), ("email", "f-1@bar.com")]),
    ("ip-date", "2018.12.15.14.05.43", []),
    ("ip-six-parts", "111.12.15.14.05.43", []),
    ("ip-leading-dot", ".18.12.15.14", []),
    ("ip-long-octet", "18.12.15.1411111111", []),
    ("ip-leading-zero", "018.12.15.14", []),
    ("ip-trailing-dot", "18.12.15.14.", [("ipv4", "18.12.15.14")]),
    ("ip-big-1", "1112.15.14.05", []),
    ("ip-big-2", "15.1112.14.05", []),
    ("ip-big-3", "15.14.05.1112", []),
    ("ip-sys-1", "1.1.1.1", [("ipv4", "1.1.1.1")]),
    ("ip-sys-2", ".1.1.1.1", []),
    ("ip-sys-3", "1.1.1.1.", [("ipv4", "1.1.1.1")]),
    ("ip-sys-4", ".1.1.1.1.", []),
    ("ip-sys-5", "1.1.1.1.1", []),
    ("ip-sys-6", "1.1.1.1.1.1", []),
    ("ip-sys-7", "1.1.1.1.a", []),
    ("ip-sys-8", "1.01.1.1", []),
    ("ip-sys-9", "0001.1.1.1", []),
    ("onion", "foo.onion", [("domain", "foo.onion")]),
    ("onion-url", "http://foo.onion/test", [("url", "http://foo.onion/test")]),
    ("dedup-case-domain", "example.com Example.com exAmplE.com", [("domain", "example.com")]),
    ("dedup-case-email", "bad@example.com bad@Example.com bad@exAmplE.com", [("email", "bad@example.com")]),
    ("dedup-case-email-local", "bad@example.com Bad@example.com", [("email", "bad@example.com")]),
    ("dedup-case-url-host", "http://example.com/test http://EXAMple.com/test", [("url", "http://example.com/test")]),
    ("dedup-case-url-path", "http://example.com/test http://EXAMple.com/TEST", [("url", "http://example.com/test"), ("url", "http://example.com/TEST")]),
    ("imphash", "imphash 18ddf28a71089acdbab5038f58044c0a", [("imphash", "18ddf28a71089acdbab5038f58044c0a")]),
    ("authentihash", "authentihash 3f1b149d07e7e8636636b8b7f7043c40ed64a10b28986181fb046c498432c2d4",
     [("authentihash", "3f1b149d07e7e8636636b8b7f7043c40ed64a10b28986181fb046c498432c2d4")]),
]
for name, text, expected in EDGE:
    case("ioc-finder-edge-" + name, text, expected, "test_edge_cases.py")

# ---------------------------------------------------------------- the split: fixed rule, applied once
by_stratum = {}
for c in cases:
    by_stratum.setdefault(c["expected"][0]["type"] if c["expected"] else "none", []).append(c)
for stratum, members in by_stratum.items():
    for rank, c in enumerate(sorted(members, key=lambda c: hashlib.sha256(c["id"].encode()).hexdigest())):
        c["split"] = "holdout" if rank % 10 in (0, 3, 6) else "dev"
out = [{"id": c["id"], "text": c["text"], "expected": c["expected"], "split": c["split"], "note": c["note"]} for c in cases]
print(json.dumps(out, ensure_ascii=False, indent=1))
