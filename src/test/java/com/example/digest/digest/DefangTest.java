package com.example.digest.digest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefangTest {
    @Test
    void liveUrlsInProseAreDefangedLikeIocs() {
        assertThat(Defang.urlsIn("Download the fix from http://evil.example.com/update.exe now, or see www.evil.example."))
                .isEqualTo("Download the fix from hxxp://evil[.]example[.]com/update.exe now, or see www[.]evil[.]example[.]");
        assertThat(Defang.urlsIn("HTTPS://Evil.Example/x")).isEqualTo("hxxpS://Evil[.]Example/x");
        assertThat(Defang.urlsIn("no links here, just 3.5 percent")).isEqualTo("no links here, just 3.5 percent");
    }
}
