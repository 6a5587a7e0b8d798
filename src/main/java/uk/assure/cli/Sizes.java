package uk.assure.cli;

import java.time.Duration;
import java.util.Locale;

/** Sizes and times as an operator reads them: {@code 1.2 MB}, {@code 3.4 s}. */
final class Sizes {

    private Sizes() {}

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static String duration(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
