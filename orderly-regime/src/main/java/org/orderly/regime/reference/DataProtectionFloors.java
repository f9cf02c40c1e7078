package org.orderly.regime.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.orderly.regime.coherence.DataProtectionFloor;

/** Reads {@code data-protection-floors.csv}: what an instrument allows the states it binds to do with a dataset, with the source. */
public final class DataProtectionFloors {
    static final String FILE = "data-protection-floors.csv";
    private static final List<String> HEADER =
            List.of("instrument", "dataset", "purposes", "retention_days", "source_title", "source_reference", "as_of");

    private DataProtectionFloors() {}

    /** The floors shipped on the class path; a floor whose instrument a registry lacks binds nobody there. */
    public static List<DataProtectionFloor> load() {
        try (InputStream in = DataProtectionFloors.class.getResourceAsStream(FILE)) {
            if (in == null)
                throw new ReferenceDataException(
                        FILE, 0, "not found on the class path next to " + DataProtectionFloors.class.getName());
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReferenceDataException(FILE, 0, "cannot be read: " + e.getMessage());
        }
    }

    static List<DataProtectionFloor> read(String text) {
        List<DataProtectionFloor> floors = new ArrayList<>();
        for (ReferenceFile.Row row : ReferenceFile.read(FILE, text, HEADER)) {
            String days = row.required("retention_days");
            int retention;
            try {
                retention = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                throw row.error("retention_days '" + days + "' is not a whole number of days");
            }
            floors.add(ReferenceData.build(
                    row,
                    () -> new DataProtectionFloor(
                            row.required("instrument"),
                            row.required("dataset"),
                            Set.copyOf(row.list("purposes")),
                            retention,
                            row.source())));
        }
        return List.copyOf(floors);
    }
}
