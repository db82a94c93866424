package dev.newsdigest.config;

/** A mistake in the user's configuration: reported as one line naming the key, exit code 2. */
public class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
