package dev.newsdigest.summarize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * What a name is as a host. A domain has a public suffix (Guava's copy of the list); a name that ends in a file extension
 * ({@code setup.py}, {@code invoice.pdf}) is a file name unless the text writes it as a host (defanged, or with a path
 * after it). The sites that define CVE and ATT&CK ids are references, never indicators. A mailbox may also be at a
 * reserved documentation name ({@code .example}, {@code .test}, RFC 2606/6761) or an IP literal.
 */
final class HostNames {
    static final Set<String> FILE_EXTENSIONS = Set.of("exe", "dll", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
            "zip", "rar", "7z", "js", "jar", "py", "ps1", "bat", "cmd", "vbs", "sh", "msi", "iso", "img", "lnk", "html", "htm",
            "php", "aspx", "jsp", "txt", "log", "png", "jpg", "jpeg", "gif", "svg", "json", "xml", "csv", "dat", "bin", "sys",
            "tmp", "hta", "scr", "apk", "dmg", "so", "cfg", "ini", "yaml", "yml", "md", "java", "go", "rs", "c", "cpp");
    /** The pages of these sites are the definitions of ids the extractor finds itself: a link to them is a reference. */
    private static final Set<String> REFERENCE_SITES = Set.of("attack.mitre.org", "cve.mitre.org", "cwe.mitre.org",
            "capec.mitre.org", "nvd.nist.gov", "cve.org");
    private static final Set<String> RESERVED_TLDS = Set.of("example", "test", "invalid", "localhost");
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}_~-]+(?:\\.[\\p{L}\\p{N}_~-]+)*\\.?");

    private HostNames() {
    }

    /** A domain name to report: under a public suffix, and not a file name unless {@code writtenAsHost}. */
    static boolean isDomain(String name, boolean writtenAsHost) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return (writtenAsHost || !FILE_EXTENSIONS.contains(last)) && underPublicSuffix(name);
    }

    static boolean underPublicSuffix(String name) {
        try {
            // an underscore (DNS allows it in a label, as in _dmarc or xmpp_chat) says nothing about the suffix
            return InternetDomainName.from(name.replace('_', 'u').toLowerCase(Locale.ROOT)).isUnderPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True for a reference site or a page of one ({@code attack.mitre.org}, {@code www.cve.org}). */
    static boolean isReference(String host) {
        for (String site : REFERENCE_SITES) {
            if (host.equals(site) || host.endsWith("." + site)) {
                return true;
            }
        }
        return false;
    }

    /** A URL's host: a name of letters, digits, {@code -}, {@code _}, {@code ~}, an IPv4, or a bracketed IPv6 (given unbracketed). */
    static boolean validUrlHost(String host) {
        return HOST.matcher(host).matches() || InetAddresses.isInetAddress(host);
    }

    /** The domain of a mailbox: under a public suffix or a reserved documentation name; an IP literal is checked apart. */
    static boolean validMailDomain(String domain) {
        String last = domain.substring(domain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return RESERVED_TLDS.contains(last) || underPublicSuffix(domain);
    }
}
