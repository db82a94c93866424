package dev.newsdigest.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscapedMessageConverterTest {

    @Test
    void aLinkWithANewlineCannotForgeASecondLogLineInTheShippedLayout() throws Exception {
        LoggerContext context = new LoggerContext();
        LogSetup.escapeMessages(context); // what the shipped configuration (LogSetup) does to every pattern
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%-5level %msg%n");
        layout.start();
        String forged = "http://evil.example/a\n12:00:00.000 INFO  [main] DigestPublisher - publish-day: published\r\u001b[31m";
        LoggingEvent event = new LoggingEvent("x", context.getLogger("x"), Level.WARN, "enrich-article: {} could not be fetched",
                null, new Object[] {forged});

        String line = layout.doLayout(event);

        assertThat(line).isEqualTo("WARN  enrich-article: http://evil.example/a\\n12:00:00.000 INFO  [main] DigestPublisher"
                + " - publish-day: published\\r\\u001b[31m could not be fetched" + System.lineSeparator());
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(EscapedMessageConverter.escape("summarised 12/40 (2 fallback) 日本語")).isEqualTo("summarised 12/40 (2 fallback) 日本語");
    }
}
