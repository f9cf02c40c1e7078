package org.orderly.server.border;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The border settings ({@code orderly.*}): the watchlists this server screens against, loaded from files at start
 * ({@code orderly.watchlists[0].name=…}, {@code orderly.watchlists[0].path=…}; none when absent), and the folder of
 * trusted country signing CA certificates for passive authentication ({@code orderly.csca-path}).
 */
@ConfigurationProperties("orderly")
public record BorderProperties(List<WatchlistFile> watchlists, String cscaPath) {

    /** A named watchlist CSV file (persons or lost and stolen documents, see {@code WatchlistCsv}). */
    public record WatchlistFile(String name, String path) {}

    public BorderProperties {
        watchlists = watchlists == null ? List.of() : List.copyOf(watchlists);
    }
}
