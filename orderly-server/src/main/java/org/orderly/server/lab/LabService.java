package org.orderly.server.lab;

import java.nio.file.Files;
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
import org.springframework.stereotype.Service;

/**
 * The policy lab as the server offers it: the migration and remittance files of the public data folder, read once, and
 * the model fitted on the registry the server holds, fitted again whenever the registry changes (a concluded deal, a
 * new visa snapshot), never on a stale registry.
 */
@Service
public class LabService {
    private final RegimeService regime;
    private final Optional<Path> folder;
    private volatile Files_ files;
    private volatile Fitted fitted;

    private record Files_(MigrationData migration, RemittanceData remittances) {}

    private record Fitted(Registry registry, Lab lab) {}

    public LabService(RegimeService regime, OrderlyProperties properties) {
        this.regime = regime;
        this.folder = Optional.ofNullable(properties.sharedData())
                .filter(s -> !s.isBlank())
                .map(Path::of);
    }

    /** Whether the migration files are there to build the lab from. */
    public boolean available() {
        return folder.flatMap(MigrationData::folderIn).isPresent();
    }

    /**
     * The lab on the current registry.
     *
     * @throws LabUnavailableException when the public data folder has no migration files
     */
    public Lab lab() {
        Registry registry = regime.registry();
        Fitted now = fitted;
        if (now != null && now.registry() == registry) return now.lab();
        synchronized (this) {
            if (fitted != null && fitted.registry() == registry) return fitted.lab();
            Files_ read = files();
            fitted = new Fitted(
                    registry,
                    Lab.of(
                            read.migration(),
                            registry,
                            read.remittances(),
                            Specification.GRAVITY,
                            LabourChannels.fromLegalChannels()));
            return fitted.lab();
        }
    }

    private Files_ files() {
        if (files == null) {
            Path migration = folder.flatMap(MigrationData::folderIn)
                    .orElseThrow(() -> new LabUnavailableException(
                            "the policy lab needs the UN DESA and UNHCR files in the public data folder's migration/ (orderly.shared-data"
                                    + folder.map(f -> " = " + f).orElse(" is not set") + ")"));
            Path money = migration.resolveSibling("remittances");
            RemittanceData remittances = Files.isRegularFile(money.resolve("personal-remittances-received.xls"))
                    ? RemittanceData.read(money)
                    : null;
            files = new Files_(MigrationData.read(migration), remittances);
        }
        return files;
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
