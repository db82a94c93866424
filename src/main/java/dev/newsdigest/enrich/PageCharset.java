package dev.newsdigest.enrich;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to decode a page whose charset may be missing or wrong, in this order: the byte-order mark, the HTTP
 * header, {@code <meta charset>}, then detection. A declared charset is only believed when the bytes decode cleanly
 * in it.
 */
public final class PageCharset {
    private static final Pattern META = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
    private static final List<Charset> DETECT = List.of(StandardCharsets.UTF_8, Charset.forName("EUC-JP"),
            Charset.forName("windows-31j"));

    private PageCharset() {
    }

    public static Charset resolve(byte[] body, String headerCharset) {
        Charset bom = bom(body);
        if (bom != null) {
            return bom;
        }
        Charset header = known(headerCharset);
        if (header != null && decodesCleanly(body, header)) {
            return header;
        }
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher meta = META.matcher(head);
        if (meta.find()) {
            Charset declared = known(meta.group(1));
            if (declared != null && decodesCleanly(body, declared)) {
                return declared;
            }
        }
        return detect(body);
    }

    /** The first of UTF-8, EUC-JP and CP932 that decodes the bytes without error; windows-1252 when none does. */
    static Charset detect(byte[] body) {
        for (Charset candidate : DETECT) {
            if (decodesCleanly(body, candidate)) {
                return candidate;
            }
        }
        return Charset.forName("windows-1252");
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Charset known(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("shift_jis") || n.equals("sjis") || n.equals("x-sjis")) {
            n = "windows-31j"; // what pages labelled Shift_JIS really use
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean decodesCleanly(byte[] body, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return validUtf8(body, cleanEnd(body, charset)); // most pages: a scan, not a decode
        }
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, cleanEnd(body, charset)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * True when {@code b[0, end)} is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
     * U+10FFFF), as the JDK's decoder judges it; a sequence that {@code end} cuts off counts as well-formed.
     */
    static boolean validUtf8(byte[] b, int end) {
        int i = 0;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            int max = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                min = c == 0xe0 ? 0xa0 : 0x80;
                max = c == 0xed ? 0x9f : 0xbf;
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                min = c == 0xf0 ? 0x90 : 0x80;
                max = c == 0xf4 ? 0x8f : 0xbf;
            } else {
                return false;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= end) {
                    return true; // cut off by the range: judged as the decoder of the whole range would not see it
                }
                int next = b[i + k] & 0xff;
                if (k == 1 ? next < min || next > max : next < 0x80 || next > 0xbf) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }

    /** A page cut off at the size cap may end inside a multi-byte character: judge the bytes before it. */
    private static int cleanEnd(byte[] body, Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("EUC") || charset.name().contains("31j")
                ? Math.max(0, body.length - 3) : body.length;
    }
}
