package dev.newsdigest.config;

/**
 * {@code digest.db.*}: where the state lives. An empty {@code url} is the embedded H2 database under
 * {@code digest.state.dir} (one process writes it); {@code jdbc:postgresql://host/db} is a PostgreSQL database that
 * several instances share. The password comes from the environment only ({@code DIGEST_DB_PASSWORD}).
 */
public record DatabaseSettings(String url, String user, String password) {

    /** The embedded H2 database under {@code digest.state.dir}. */
    public static final DatabaseSettings EMBEDDED = new DatabaseSettings(null, null, null);

    public boolean embedded() {
        return url == null;
    }

    static DatabaseSettings read(SettingsReader r) {
        String url = r.optional("digest.db.url");
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("digest.db.url", "'" + url + "' is not a PostgreSQL URL such as jdbc:postgresql://db.example/digest;"
                    + " leave it empty for the embedded database");
        }
        if (url != null) {
            PostgresUrl.check(url); // no password in it, and every parameter of a kind the driver takes
        }
        return new DatabaseSettings(url, r.optional("digest.db.user"), r.optional("digest.db.password"));
    }

    @Override
    public String toString() {
        return embedded() ? "embedded H2" : Redact.queryValues(url.substring("jdbc:".length()));
    }
}
