package dev.newsdigest;

import dev.newsdigest.config.Settings;
import dev.langchain4j.model.chat.ChatModel;

/** Lets tests in other packages build the model client exactly as the application does. */
public final class DigestConfigurationAccess {
    private DigestConfigurationAccess() {
    }

    public static ChatModel chatModel(Settings settings) {
        return ModelBeans.chatModel(settings, new dev.newsdigest.fetch.Outbound(new dev.newsdigest.fetch.AddressGuard(settings.allowPrivateAddresses()),
                settings.userAgent(), settings.proxy(), new dev.newsdigest.fetch.InFlight(java.time.Clock.systemUTC())));
    }
}
