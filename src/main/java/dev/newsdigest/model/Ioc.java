package dev.newsdigest.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An indicator of compromise, plain (not defanged), with its type (one of {@link #TYPES}). In a story told by several
 * feeds, {@code onlyFrom} lists the feeds that name it when all of them are less trusted than the story's lead; it is
 * left out (null) otherwise, and in digests of earlier versions.
 */
@JsonPropertyOrder({"type", "value", "onlyFrom"})
public record Ioc(String type, String value, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> onlyFrom) {
    /** The types of the digest JSON, and the ones a model may report. */
    public static final List<String> TYPES = List.of("ipv4", "ipv6", "domain", "url", "email", "md5", "sha1", "sha256", "sha512",
            "cve", "attack_technique", "attack_tactic", "attack_mitigation", "imphash", "authentihash", "xmpp");

    public Ioc {
        onlyFrom = onlyFrom == null || onlyFrom.isEmpty() ? null : List.copyOf(onlyFrom);
    }

    /** An IOC as an article names it. */
    public Ioc(String type, String value) {
        this(type, value, null);
    }

    /** The same IOC, named only by these less trusted feeds. */
    public Ioc namedOnlyBy(List<String> feeds) {
        return new Ioc(type, value, feeds);
    }

    /** The feeds, all less trusted than the story's lead, that alone name it; empty when the lead's trust names it. */
    public List<String> onlyFromList() {
        return onlyFrom == null ? List.of() : onlyFrom;
    }
}
