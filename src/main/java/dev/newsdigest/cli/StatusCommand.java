package dev.newsdigest.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.newsdigest.config.Settings;
import dev.newsdigest.observe.StatusReport;
import dev.newsdigest.state.StateStore;
import org.apache.camel.spi.PropertiesComponent;
import picocli.CommandLine.Command;

/** {@code status}: what the state says, read beside a running daemon without disturbing it. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print each feed's last poll, today's item count and the last digest with its delivery state per channel.")
public class StatusCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try {
            PropertiesComponent properties = Launch.readOnlyProperties(Map.of());
            Settings settings = Settings.from(key -> properties.resolveProperty(key).orElse(null), System::getenv);
            // a running process answers for its state; otherwise the state is read directly
            var running = dev.newsdigest.observe.StatusChannel.ask(settings.stateDir());
            if (running.isPresent()) {
                System.out.print(running.get());
                return Launch.OK;
            }
            try (StateStore store = StateStore.openForReading(settings.stateDir(), settings.database(), settings.timezone(), java.time.Clock.systemUTC())) {
                System.out.print(StatusReport.render(settings, store));
            }
            return Launch.OK;
        } catch (Exception e) {
            return Launch.explain(e);
        }
    }
}
