package dev.newsdigest.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.newsdigest.config.Settings;
import dev.newsdigest.delivery.Deliveries;
import dev.newsdigest.state.StateStore;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code resend --date YYYY-MM-DD [--channel file|mail|webhook|tickets|chat|chat-<name>]}: deliver a stored digest again, on purpose. */
@Command(name = "resend", mixinStandardHelpOptions = true,
        description = "Deliver a published digest again, with a fresh idempotency key and X-Digest-Resend: true.")
public class ResendCommand implements Callable<Integer> {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the digest's day")
    java.time.LocalDate date;

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "file, mail, webhook, tickets, chat (every chat channel) or chat-<name> (default: every enabled channel)")
    String channel;

    @Override
    public Integer call() {
        Map<String, String> overrides = Launch.ONCE;
        try {
            Launch.checkSettings(overrides);
            Main main = Launch.newMain(overrides);
            try {
                main.start();
                Settings settings = main.lookup("settings", Settings.class);
                List<String> enabled = settings.deliveryIds();
                List<String> channels = channel == null ? enabled
                        : channel.equals("chat") ? enabled.stream().filter(id -> id.startsWith("chat-")).toList() : List.of(channel);
                if (channel != null && (channels.isEmpty() || !enabled.containsAll(channels))) {
                    System.err.println("news-digest: channel '" + channel + "' is not enabled; enabled: " + enabled);
                    return Launch.USAGE;
                }
                List<String> keys = main.lookup("stateStore", StateStore.class).scheduleResend(date, channels);
                if (keys.isEmpty()) {
                    System.err.println("news-digest: no published digest for " + date);
                    return Launch.USAGE;
                }
                main.getCamelTemplate().sendBody("direct:deliver-pending", null);
                Deliveries deliveries = main.lookup("deliveries", Deliveries.class);
                deliveries.writtenPaths().forEach(System.out::println);
                return deliveries.failureCount() > 0 ? Launch.FAILED : Launch.OK;
            } finally {
                main.stop();
            }
        } catch (Exception e) {
            return Launch.explain(e);
        }
    }
}
