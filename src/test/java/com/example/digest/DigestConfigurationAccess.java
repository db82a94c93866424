package com.example.digest;

import com.example.digest.config.Settings;
import dev.langchain4j.model.chat.ChatModel;

/** Lets tests in other packages build the model client exactly as the application does. */
public final class DigestConfigurationAccess {
    private DigestConfigurationAccess() {
    }

    public static ChatModel chatModel(Settings settings) {
        return ModelBeans.chatModel(settings, new com.example.digest.fetch.Outbound(new com.example.digest.fetch.AddressGuard(settings.allowPrivateAddresses()),
                settings.userAgent(), settings.proxy(), new com.example.digest.fetch.InFlight(java.time.Clock.systemUTC())));
    }
}
