package dev.newsdigest.delivery;

import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.WebServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code digest.tlp=AMBER+STRICT}: the one marking shows in the Markdown, the JSON, the mail subject and the webhook. */
class TlpMarkingTest extends PipelineTestSupport {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.tlp", "amber+strict");
        p.put("digest.mail.enabled", "true");
        p.put("digest.mail.host", "127.0.0.1");
        p.put("digest.mail.port", Integer.toString(greenMail.getSmtp().getPort()));
        p.put("digest.mail.from", "digest@example.com");
        p.put("digest.mail.to", "soc@example.com");
        p.put("digest.mail.subject-prefix", "[SOC] ");
        p.put("digest.webhook.enabled", "true");
        p.put("digest.webhook.url", web.url("/hook"));
        web.serve("/hook", 200, "text/plain", "ok");
        return p;
    }

    @Test
    void everyChannelCarriesTheTlpLabelWithTheStandardsDefinition() throws Exception {
        poll();
        publish();

        String md = markdown();
        assertThat(md.lines().limit(3).toList()).element(2)
                .isEqualTo("**TLP:AMBER+STRICT**: Limited disclosure, restricted to the recipient's organization only.");
        assertThat(digestJson().path("tlp").asText()).isEqualTo("TLP:AMBER+STRICT");
        List<String> names = new java.util.ArrayList<>();
        digestJson().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsSubsequence("language", "tlp", "overview");

        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).startsWith("[TLP:AMBER+STRICT] [SOC] 日々のニュース要約 ");

        List<WebServer.Request> hooks = web.requests("/hook");
        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).headers()).containsEntry("x-digest-tlp", "TLP:AMBER+STRICT");
    }
}
