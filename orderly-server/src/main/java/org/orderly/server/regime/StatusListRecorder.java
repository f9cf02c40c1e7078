package org.orderly.server.regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.orderly.regime.Participation;
import org.orderly.regime.Process;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.regime.StatusList;
import org.orderly.store.RegistryStore;
import org.springframework.stereotype.Service;

/**
 * Records a whole status list of one instrument or process from one source, for the secretariat's page and the API
 * alike: read with the one CSV reader ({@link StatusList}), refused whole with the line and column of a wrong cell, and
 * written in one transaction with the secretariat's origin.
 */
@Service
public class StatusListRecorder {
    private final RegimeService regime;

    public StatusListRecorder(RegimeService regime) {
        this.regime = regime;
    }

    /**
     * @throws NoSuchElementException when no instrument or process has the id
     * @throws IllegalArgumentException when the source is incomplete or a date is out of range
     * @throws org.orderly.csv.CsvException naming the line, column and field of the first wrong cell; nothing is written
     */
    public List<Participation> record(
            String subject, String fileName, String csv, String sourceTitle, String sourceReference, LocalDate asOf) {
        Registry registry = regime.registry();
        String id = subject == null ? "" : subject.strip().toUpperCase(Locale.ROOT);
        if (registry.instrument(id).isEmpty() && !(registry.party(id).orElse(null) instanceof Process)) {
            throw new NoSuchElementException("no instrument or process '" + subject + "'");
        }
        if (sourceTitle == null || sourceTitle.isBlank())
            throw new IllegalArgumentException("source title: required, a status list is recorded with its source");
        if (asOf == null) throw new IllegalArgumentException("as of: required");
        RegimeService.requireSane("as of", asOf);
        if (asOf.isAfter(regime.today())) throw new IllegalArgumentException("as of: " + asOf + " is in the future");
        Source source = new Source(sourceTitle.strip(), sourceReference == null ? "" : sourceReference.strip(), asOf);
        List<Participation> participations = StatusList.read(
                fileName,
                csv == null ? "" : csv,
                id,
                source,
                code -> registry.party(code).isPresent());
        for (Participation p : participations) {
            RegimeService.requireSane("since of " + p.partyId(), p.since());
            RegimeService.requireSane("until of " + p.partyId(), p.until());
        }
        regime.store().saveParticipations(participations, RegistryStore.SECRETARIAT);
        regime.reload();
        return participations;
    }
}
