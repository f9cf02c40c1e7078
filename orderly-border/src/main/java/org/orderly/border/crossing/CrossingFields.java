package org.orderly.border.crossing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A crossing as named fields, the vocabulary that {@code DataSharing} commitments of the dataset {@link #DATASET} list:
 * what another state may receive of a crossing is chosen field by field (the columns of {@link CrossingRecords}).
 */
public final class CrossingFields {
    /** The dataset name of crossings in {@code DataSharing} commitments. */
    public static final String DATASET = "CROSSINGS";
    /** The fields a commitment may list, in the order records show them. */
    public static final List<String> FIELDS = List.of(
            "id",
            "traveller",
            "direction",
            "at",
            "state",
            "crossing_point",
            "document_number",
            "issuing_state",
            "nationality",
            "rule");

    private CrossingFields() {}

    /** A crossing's values by field name (an exit's absent rule is null). */
    public static Map<String, Object> of(Crossing crossing) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", crossing.id());
        record.put("traveller", crossing.traveller());
        record.put("direction", crossing.direction().name().toLowerCase(Locale.ROOT));
        record.put("at", crossing.at().toString());
        record.put("state", crossing.state());
        record.put("crossing_point", crossing.crossingPoint());
        record.put("document_number", crossing.documentNumber());
        record.put("issuing_state", crossing.issuingState());
        record.put("nationality", crossing.nationality());
        record.put("rule", crossing.rule());
        return record;
    }
}
