package com.example.digest.model;

import java.util.List;

/** An indicator of compromise, plain (not defanged), with its type (one of {@link #TYPES}). */
public record Ioc(String type, String value) {
    /** The types of the digest JSON, and the ones a model may report. */
    public static final List<String> TYPES = List.of("ipv4", "ipv6", "domain", "url", "email", "md5", "sha1", "sha256", "sha512",
            "cve", "attack_technique", "attack_tactic", "attack_mitigation", "imphash", "authentihash", "xmpp");
}
