package uk.assure.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether PostgreSQL keeps what it answered as committed through a crash or a power cut: {@code fsync} (data reaches
 * the disk), {@code synchronous_commit} (a commit waits for its write-ahead log to be flushed; {@code local},
 * {@code remote_write} and {@code remote_apply} flush locally too) and {@code full_page_writes} (a page half-written
 * when the power went can be repaired). Read from {@code pg_settings} as the connection sees them, so a setting
 * changed for a role or a database counts.
 */
final class Durability {

    /** The settings that matter; each loses data when {@code off}. */
    static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private Durability() {}

    /** The settings as the connection sees them, by name. */
    static Map<String, String> settings(JdbcClient jdbc) {
        Map<String, String> settings = new LinkedHashMap<>();
        jdbc.sql("SELECT name, setting FROM pg_settings WHERE name IN (:names) ORDER BY name")
                .param("names", SETTINGS)
                .query((rs, n) -> settings.put(rs.getString(1), rs.getString(2)))
                .list();
        return settings;
    }

    /** Each setting that loses data, as {@code name=value}; empty when the server is durable. */
    static List<String> problems(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        for (String name : SETTINGS) {
            if ("off".equalsIgnoreCase(settings.getOrDefault(name, ""))) {
                problems.add(name + "=off");
            }
        }
        return problems;
    }
}
