package org.orderly.server.lab;

import java.nio.file.Path;
import java.util.Optional;
import org.orderly.lab.Lab;
import org.orderly.lab.data.MigrationData;
import org.orderly.lab.model.LabourChannels;
import org.orderly.lab.model.Specification;
import org.orderly.lab.remittance.RemittanceData;
import org.orderly.regime.Registry;
import org.orderly.server.OrderlyProperties;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.monitoring.MonitoringSources;
import org.springframework.stereotype.Service;

/**
 * The policy lab as the server offers it: the migration files of the public data folder, read once, the model fitted on
 * the registry the server holds, fitted again whenever the registry changes (a concluded deal, a new visa snapshot),
 * never on a stale registry, and the remittance series the indicators use ({@link MonitoringSources}: a WDI series
 * imported into the database before the file), taken again after each WDI import.
 */
@Service
public class LabService {
    private final RegimeService regime;
    private final MonitoringSources sources;
    private final Optional<Path> folder;
    private volatile MigrationData migration;
    private volatile Fitted fitted;

    private record Fitted(Registry registry, long wdiRun, Lab lab) {}

    public LabService(RegimeService regime, MonitoringSources sources, OrderlyProperties properties) {
        this.regime = regime;
        this.sources = sources;
        this.folder = Optional.ofNullable(properties.sharedData())
                .filter(s -> !s.isBlank())
                .map(Path::of);
    }

    /** Whether the migration files are there to build the lab from. */
    public boolean available() {
        return folder.flatMap(MigrationData::folderIn).isPresent();
    }

    /**
     * The lab on the current registry and remittance series.
     *
     * @throws LabUnavailableException when the public data folder has no migration files
     */
    public Lab lab() {
        Registry registry = regime.registry();
        long wdiRun = sources.wdiRun();
        Fitted now = fitted;
        if (now != null && now.registry() == registry && now.wdiRun() == wdiRun) return now.lab();
        synchronized (this) {
            now = fitted;
            if (now != null && now.registry() == registry && now.wdiRun() == wdiRun) return now.lab();
            RemittanceData remittances = RemittanceData.of(sources::series).orElse(null);
            Lab lab = now != null && now.registry() == registry
                    ? now.lab().withRemittances(remittances)
                    : Lab.of(
                            migration(),
                            registry,
                            remittances,
                            Specification.GRAVITY,
                            LabourChannels.fromLegalChannels());
            fitted = new Fitted(registry, wdiRun, lab);
            return lab;
        }
    }

    private MigrationData migration() {
        if (migration == null) {
            Path files = folder.flatMap(MigrationData::folderIn)
                    .orElseThrow(() -> new LabUnavailableException(
                            "the policy lab needs the UN DESA and UNHCR files in the public data folder's migration/ (orderly.shared-data"
                                    + folder.map(f -> " = " + f).orElse(" is not set") + ")"));
            migration = MigrationData.read(files);
        }
        return migration;
    }

    /** The lab cannot answer: its data are not installed. */
    public static final class LabUnavailableException extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        LabUnavailableException(String message) {
            super(message);
        }
    }
}
