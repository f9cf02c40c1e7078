package org.orderly.lab;

import java.nio.file.Path;
import java.util.List;
import org.orderly.lab.data.MigrationData;
import org.orderly.lab.model.LabourChannels;
import org.orderly.lab.model.Observations;
import org.orderly.lab.model.Policies;
import org.orderly.lab.model.Registries;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Registry;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.testing.SharedData;

/** The real data and the reference registry with the dated visa snapshots, read once for all tests. */
public final class LabFixtures {
    private static Observations observations;
    private static Registry registry;

    private LabFixtures() {}

    public static synchronized Observations observations() {
        if (observations == null) observations = new Observations(MigrationData.read(SharedData.folder("migration")));
        return observations;
    }

    public static synchronized Registry registry() {
        if (registry == null) {
            Path shared = SharedData.folder("visa");
            List<VisaSnapshot> snapshots =
                    VisaSnapshot.publishedIn(shared.getParent(), VisaSnapshot.SHARED_DATA_CURRENT_AS_OF).stream()
                            .map(p -> VisaSnapshot.read(p.file(), p.date()))
                            .toList();
            registry = Registries.withEntryPolicies(ReferenceData.load(), snapshots);
        }
        return registry;
    }

    private static org.orderly.lab.Lab lab;

    /** The lab on the real data with Orderly's model, fitted once. */
    public static synchronized org.orderly.lab.Lab lab() {
        if (lab == null) {
            lab = org.orderly.lab.Lab.of(
                    observations().data(),
                    registry(),
                    org.orderly.lab.remittance.RemittanceData.of(series -> series.readFrom(
                                    SharedData.folder("remittances").getParent()))
                            .orElseThrow(),
                    org.orderly.lab.model.Specification.GRAVITY,
                    LabourChannels.fromLegalChannels());
        }
        return lab;
    }

    public static Policies policies() {
        return new Policies(registry(), observations().codes(), LabourChannels.fromLegalChannels());
    }
}
