package dev.newsdigest.config;

import java.util.Locale;
import java.util.Optional;

/** A delivery channel. Its {@link #id()} names it in settings ({@code digest.<id>.*}), in the state and in route ids. */
public enum Channel {
    FILE, MAIL, WEBHOOK, TICKETS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel with this id, if there is one. */
    public static Optional<Channel> of(String id) {
        for (Channel c : values()) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
