package uk.assure.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every setting of the app; README lists each with its environment variable and default. */
@ConfigurationProperties(prefix = "assure")
public record AssureProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue Database database,
        @DefaultValue Admin admin,
        @DefaultValue("true") boolean demoData,
        @DefaultValue Rag rag,
        @DefaultValue("10MB") org.springframework.util.unit.DataSize uploadMaxSize,
        String firstRunImport,
        @DefaultValue("12h") java.time.Duration sessionAbsoluteTimeout) {

    public long uploadMaxBytes() {
        return uploadMaxSize.toBytes();
    }

    /**
     * {@code user} owns the tables and runs the migrations; the app itself connects as {@code appUser}, which owns
     * nothing and so cannot get round row-level security (created by the migrations when missing).
     */
    public record Database(String url, String user, String password, @DefaultValue("assure_app") String appUser,
            String appPassword, @DefaultValue("10") int poolSize) {}

    public record Admin(String email, String password) {}

    public record Rag(@DefaultValue("30") int warningDays, @DefaultValue("60") int staleDays) {}
}
