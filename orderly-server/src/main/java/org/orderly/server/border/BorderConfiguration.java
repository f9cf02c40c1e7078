package org.orderly.server.border;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.orderly.border.check.BorderChecks;
import org.orderly.border.check.Watchlists;
import org.orderly.screening.watchlist.Watchlist;
import org.orderly.screening.watchlist.WatchlistCsv;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.crossing.CrossingStore;
import org.orderly.store.readmission.ReadmissionStore;
import org.orderly.travel.requirement.TravelQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the border check of {@code orderly-border} and the travel queries of {@code orderly-travel} to the server's registry, lists and audit log. */
@Configuration(proxyBeanMethods = false)
class BorderConfiguration {
    private static final Logger log = LoggerFactory.getLogger(BorderConfiguration.class);

    @Bean
    TravelQueries travelQueries(RegimeService regime) {
        return new TravelQueries(regime::registry, regime::travelRules, regime.clock());
    }

    /**
     * The watchlists from {@link BorderProperties#watchlists()}, loaded once at start. A missing or malformed file stops
     * the server: screening against a list that silently failed to load would clear everyone.
     */
    @Bean
    Watchlists watchlists(BorderProperties properties) {
        List<Watchlist> lists = new ArrayList<>();
        for (BorderProperties.WatchlistFile file : properties.watchlists()) {
            if (file.path() == null || file.path().isBlank()) {
                throw new IllegalStateException("orderly.watchlists: the list '" + file.name() + "' has no path");
            }
            Path path = Path.of(file.path());
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("orderly.watchlists: cannot read " + path.toAbsolutePath());
            }
            Watchlist loaded = WatchlistCsv.load(path);
            String name = file.name() == null || file.name().isBlank() ? loaded.name() : file.name();
            lists.add(new Watchlist(name, loaded.persons(), loaded.documents()));
        }
        Watchlists watchlists = new Watchlists(lists);
        // Sizes only: the lists are personal data.
        log.info("Screening against {} watchlist(s): {}", watchlists.summaries().size(), watchlists.summaries());
        return watchlists;
    }

    @Bean
    BorderChecks borderChecks(Watchlists watchlists, TravelQueries travel, AuditTrail audit) {
        return new BorderChecks(
                watchlists,
                travel,
                (act, lists, detail) -> audit.record(AuditTrail.Action.valueOf(act.name()), lists, detail));
    }

    /** The ledger, its stay areas as the registry has them; crossings recorded before stay areas existed get theirs now. */
    @Bean
    CrossingStore crossingStore(DataSource dataSource, BorderRegistry registry, Clock clock) {
        CrossingStore ledger = new CrossingStore(dataSource, clock, registry::areas);
        int assigned = ledger.assignStayAreas();
        if (assigned > 0)
            log.info(
                    "Crossings recorded before stay areas existed: {} assigned to their stay area and replayed",
                    assigned);
        return ledger;
    }

    @Bean
    ReadmissionStore readmissionStore(DataSource dataSource) {
        return new ReadmissionStore(dataSource);
    }

    /** Raises overstay alerts as they fall due: a sweep at start (alerts due while the server was down) and every minute. */
    @Bean(destroyMethod = "")
    java.util.concurrent.ScheduledFuture<?> overstaySweep(
            CrossingStore crossings, org.springframework.scheduling.TaskScheduler scheduler) {
        return scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        crossings.sweep();
                    } catch (RuntimeException e) {
                        log.warn("Overstay sweep failed; it runs again in a minute", e);
                    }
                },
                java.time.Duration.ofMinutes(1));
    }
}
