package uk.assure.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every setting of the app; README lists each with its environment variable and default. */
@ConfigurationProperties(prefix = "assure")
public record AssureProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue Database database,
        @DefaultValue Admin admin,
        @DefaultValue("true") boolean demoData,
        @DefaultValue Rag rag,
        @DefaultValue("10MB") DataSize uploadMaxSize,
        String firstRunImport,
        @DefaultValue("12h") Duration sessionAbsoluteTimeout,
        @DefaultValue Mail mail,
        String publicUrl,
        @DefaultValue Oidc oidc) {

    public long uploadMaxBytes() {
        return uploadMaxSize.toBytes();
    }

    /**
     * {@code user} owns the tables and runs the migrations; the app itself connects as {@code appUser}, which owns
     * nothing and so cannot get round row-level security (created by the migrations when missing).
     */
    public record Database(
            String url,
            String user,
            String password,
            @DefaultValue("assure_app") String appUser,
            String appPassword,
            @DefaultValue("10") int poolSize,
            @DefaultValue("32MB") DataSize embeddedSharedBuffers) {}

    public record Admin(String email, String password) {}

    public record Rag(
            @DefaultValue("30") int warningDays,
            @DefaultValue("60") int staleDays) {}

    /** SMTP for invitations. With no host (the embedded first run) nothing is sent and the admin passes links on. */
    public record Mail(
            String host,
            @DefaultValue("587") int port,
            String username,
            String password,
            @DefaultValue("assure@localhost") String from) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /** One OIDC provider for single sign-on (Microsoft Entra ID and others); off while the issuer is empty. */
    public record Oidc(
            String issuer,
            String clientId,
            String clientSecret,
            @DefaultValue("your organisation's account") String name) {

        public boolean configured() {
            return issuer != null && !issuer.isBlank();
        }
    }
}
