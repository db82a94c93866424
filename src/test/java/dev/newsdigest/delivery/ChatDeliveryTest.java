package dev.newsdigest.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.ChatEmulator;
import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat channels through the real routes: a Slack, a Teams and a Discord channel, each a local emulator of its API. */
class ChatDeliveryTest extends PipelineTestSupport {
    private static final String SECRET_PATH = "T000-secret-path-XYZ";
    private final ChatEmulator chat = new ChatEmulator();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.chat.channels", "soc,cert-team,ops");
        p.put("digest.chat.soc.kind", "slack");
        p.put("digest.chat.soc.url", chat.url("slack", SECRET_PATH));
        p.put("digest.chat.cert-team.kind", "teams");
        p.put("digest.chat.cert-team.url", chat.url("teams", SECRET_PATH));
        p.put("digest.chat.ops.kind", "discord");
        p.put("digest.chat.ops.url", chat.url("discord", SECRET_PATH));
        p.put("digest.chat.backoff", "10ms");
        p.put("digest.chat.site-url", "https://intranet.example.com/digests/");
        p.put("digest.tlp", "AMBER");
        return p;
    }

    @AfterEach
    void stopChat() {
        chat.close();
    }

    private StateStore store() {
        return context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
    }

    private String day() {
        return outputFiles(".json").get(0).getFileName().toString().substring(0, 10);
    }

    @Test
    void aRunPostsOneMessagePerChatChannelThatEachServiceTakesAndASecondRunNone() {
        poll();
        publish();
        publish();

        for (String kind : List.of("slack", "teams", "discord")) {
            assertThat(chat.requests(kind)).as(kind).hasSize(1);
            ChatEmulator.Request r = chat.requests(kind).get(0);
            assertThat(r.refusal()).as(kind).isNull();
            assertThat(r.body()).contains("TLP:AMBER", "https://intranet.example.com/digests/" + day() + ".html", web.url("/pages/fortiweb.html"));
        }
        assertThat(store().deliveries(LocalDate.parse(day()))).extracting(StateStore.DeliveryState::channel)
                .contains("chat-soc", "chat-cert-team", "chat-ops");
        assertThat(store().pendingDeliveries()).isEmpty();
    }

    @Test
    void aChatServiceAnswering500ThenTakingItIsSentOnce() {
        chat.queue("slack", 500);
        poll();
        publish();

        assertThat(chat.requests("slack")).hasSize(2);
        assertThat(chat.accepted("slack")).hasSize(1);
        assertThat(chat.accepted("teams")).hasSize(1);
        assertThat(store().pendingDeliveries()).isEmpty();
        publish();
        assertThat(chat.requests("slack")).hasSize(2);
    }

    @Test
    void aRefusedMessageIsNotRetriedGetsADeadLetterAndNoLogLineOrFileHoldsTheUrl() throws Exception {
        chat.queue("discord", 400);
        try (LogCapture logs = new LogCapture()) {
            poll();
            publish();
            assertThat(logs.everything()).doesNotContain(SECRET_PATH);
            assertThat(logs.warnings()).anyMatch(w -> w.contains("deliver-chat-ops") && w.contains("HTTP 400"));
        }
        assertThat(chat.requests("discord")).hasSize(1);
        assertThat(store().pendingDeliveries()).extracting(StateStore.PendingDelivery::channel).containsExactly("chat-ops");
        Path deadLetters = work.resolve("state/dead-letters");
        assertThat(deadLetters.resolve(day() + "-r1-chat-ops.json")).exists();
        assertThat(Files.readString(deadLetters.resolve(day() + "-r1-chat-ops.reason.txt"))).contains("HTTP 400").doesNotContain(SECRET_PATH);

        publish(); // the next run sends what is owed, once
        assertThat(chat.accepted("discord")).hasSize(1);
        assertThat(chat.requests("slack")).hasSize(1);
    }

    @Test
    void resendPostsAgainToEveryChatChannelOrToOne() {
        poll();
        publish();
        LocalDate day = LocalDate.parse(day());
        store().scheduleResend(day, List.of("chat-soc", "chat-cert-team", "chat-ops"));
        template.sendBody("direct:deliver-pending", null);
        store().scheduleResend(day, List.of("chat-ops"));
        template.sendBody("direct:deliver-pending", null);

        assertThat(chat.accepted("slack")).hasSize(2);
        assertThat(chat.accepted("teams")).hasSize(2);
        assertThat(chat.accepted("discord")).hasSize(3);
    }

    @Test
    void aHostileTitleIsEscapedInEveryKind() {
        web.serve("/news.rss", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                <item><title>&lt;!channel&gt; @everyone &lt;script&gt;alert(1)&lt;/script&gt;</title><link>%s</link><description>x</description></item>
                </channel></rss>""".formatted(web.url("/pages/loader.html?hostile=1")));
        poll();
        publish();

        String slack = chat.accepted("slack").get(0).body();
        String discord = chat.accepted("discord").get(0).body();
        String teams = chat.accepted("teams").get(0).body();
        assertThat(slack).doesNotContain("<!channel>", "<script>").contains("&lt;!channel&gt;");
        assertThat(discord).doesNotContain("@everyone", "<script>").contains("\"allowed_mentions\"");
        assertThat(chat.accepted("discord").get(0).json().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(teams).doesNotContain("<script>", "<!channel>").contains("\\\\<!channel\\\\>"); // the feed reader already drops the script element
    }

    /**
     * A day of 60 articles, each exploited and so each a 課題, through the real routes: every service takes its
     * message (the emulators refuse one over their limits), which says how many news beyond the top 5 and how many
     * 課題 it left out ("他 N 件"), and still ends with the archive link.
     */
    @Test
    void aSixtyArticleDayIsCutToWhatEachServiceTakesWithTheCountsLeftOutAndTheArchiveLink() {
        StringBuilder items = new StringBuilder();
        for (int n = 0; n < 60; n++) {
            String link = web.url(GeneratedNews.pagePath(n));
            web.serve(GeneratedNews.pagePath(n), 200, "text/html; charset=utf-8", GeneratedNews.page(n));
            items.append("<item><title>Flaw ").append(n).append(" in appliance model ").append(n).append(" exploited in attacks</title><link>")
                    .append(link).append("</link><pubDate>Tue, 24 Nov 2026 10:").append(String.format("%02d", n)).append(":00 GMT</pubDate>")
                    .append("<description>Attackers exploit flaw ").append(n).append(".</description></item>\n");
        }
        web.serve("/news.rss", 200, "application/rss+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>n</title>" + items + "</channel></rss>");
        poll();
        publish();

        int news = digestJson().path("items").size();
        int actions = digestJson().path("actions").size();
        assertThat(news).isGreaterThanOrEqualTo(60);
        assertThat(actions).isGreaterThan(20);
        List<String> titles = new java.util.ArrayList<>();
        digestJson().path("actions").forEach(a -> titles.add(a.path("title").asText()));
        long cut = 0;
        for (String kind : List.of("slack", "teams", "discord")) {
            assertThat(chat.requests(kind)).as(kind).hasSize(1);
            ChatEmulator.Request r = chat.requests(kind).get(0);
            assertThat(r.refusal()).as(kind).isNull();
            String archive = "https://intranet.example.com/digests/" + day() + ".html";
            assertThat(r.body()).as(kind).contains("他 " + (news - 5) + " 件").contains(archive);
            // every 課題 is shown, or those that did not fit are counted
            long shown = titles.stream().filter(r.body()::contains).count();
            if (shown < actions) {
                assertThat(r.body()).as(kind).contains("他 " + (actions - shown) + " 件");
            }
            cut += actions - shown;
            assertThat(r.body().lastIndexOf("他 " + (news - 5) + " 件")).as(kind).isLessThan(r.body().lastIndexOf(archive));
        }
        assertThat(cut).as("課題 left out of some message").isPositive();
    }
}
