package dev.newsdigest.summarize;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a hex run is, read from the label written next to it. A 32- or 64-digit run labelled {@code imphash} or
 * {@code authentihash} is that, not the file's MD5 or SHA-256, so a blocklist import never takes it for a file hash;
 * one labelled {@code ssdeep}, {@code TLSH} or {@code pehash} is no file hash either and is left out. Without such a
 * label the length decides: 32 md5, 40 sha1, 64 sha256, 128 sha512.
 */
final class HashLabels {
    private static final Map<Integer, String> BY_LENGTH = Map.of(32, "md5", 40, "sha1", 64, "sha256", 128, "sha512");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)(?<![a-z0-9])(imphash|authentihash|ssdeep|tlsh|pehash|md5|sha-?1|sha-?256|sha-?512|sha-?384)(?![a-z0-9])");
    /** A label right after the run, as in {@code abc… (imphash)}. */
    private static final Pattern LABEL_AFTER = Pattern.compile("(?i)^[\\s:=(\\[|]{0,4}(imphash|authentihash|ssdeep|tlsh|pehash)(?![a-z0-9])");
    /** How far in front of a run, on its own line, a label still names it. */
    private static final int REACH = 40;

    private HashLabels() {
    }

    /** The IOC type of the hex run {@code [start, end)} of {@code text}, or null when it is none to report. */
    static String typeOf(String text, int start, int end) {
        String label = labelBefore(text, start);
        if (label == null) {
            Matcher after = LABEL_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 20)));
            label = after.find() ? after.group(1).toLowerCase(java.util.Locale.ROOT) : null;
        }
        int length = end - start;
        if (label == null || label.startsWith("md5") || label.startsWith("sha")) {
            return BY_LENGTH.get(length);
        }
        return switch (label) {
            case "imphash", "authentihash" -> BY_LENGTH.containsKey(length) ? label : null;
            default -> null; // ssdeep, tlsh, pehash: a similarity or section hash, never a file hash
        };
    }

    private static String labelBefore(String text, int start) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        Matcher m = LABEL.matcher(text.substring(Math.max(lineStart, start - REACH), start));
        String last = null;
        while (m.find()) {
            last = m.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        return last;
    }
}
