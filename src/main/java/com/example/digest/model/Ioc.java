package com.example.digest.model;

/** An indicator of compromise, plain (not defanged), with its type: ipv4, ipv6, domain, url, email, md5, sha1, sha256, sha512, cve, attack_technique. */
public record Ioc(String type, String value) {
}
