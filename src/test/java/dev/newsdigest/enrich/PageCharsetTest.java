package dev.newsdigest.enrich;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageCharsetTest {

    @Test
    void theUtf8ScanJudgesLikeTheJdkDecoderOnValidTextAndOnEveryKindOfDamage() {
        Random random = new Random(20261126);
        String sample = "ascii, ümlaut, 日本語のテキスト, emoji 😀, U+FFFF \uffff and more";
        int checked = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] b = (sample.substring(random.nextInt(sample.length() / 2)) + "x").getBytes(StandardCharsets.UTF_8);
            int damage = random.nextInt(4);
            for (int d = 0; d < damage; d++) {
                b[random.nextInt(b.length - 1)] = (byte) random.nextInt(256); // the trailing 'x' keeps every sequence closed
            }
            assertThat(PageCharset.validUtf8(b, b.length)).as("bytes %s", java.util.HexFormat.of().formatHex(b)).isEqualTo(jdkDecodes(b));
            checked++;
        }
        assertThat(checked).isEqualTo(20_000);
        // overlong, surrogate and out-of-range forms
        for (String hex : new String[] {"c0af78", "e080af78", "eda08078", "f490808078", "f880808080"}) {
            byte[] b = java.util.HexFormat.of().parseHex(hex);
            assertThat(PageCharset.validUtf8(b, b.length)).as(hex).isFalse();
            assertThat(jdkDecodes(b)).as(hex).isFalse();
        }
    }

    @Test
    void aPageCutOffInsideACharacterIsStillUtf8() {
        byte[] page = "<html><meta charset=utf-8><p>日本語</p>".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(page, page.length - 5); // inside the last 日本語 character
        assertThat(PageCharset.resolve(cut, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    private static boolean jdkDecodes(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
