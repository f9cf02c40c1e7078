package org.orderly.passengers.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A traveller as named fields, the vocabulary that {@code DataSharing} commitments list: what a transfer may
 * carry is chosen field by field. {@code id} and {@code role} identify the record and are always kept.
 */
public final class TravellerFields {
    /** The fields a commitment may list, in the order records show them. */
    public static final List<String> FIELDS =
            List.of("name", "birth_date", "sex", "nationality", "document_number", "booking_reference", "infant");

    private TravellerFields() {}

    /** A record of one traveller's values by field name (absent values are null). */
    public static Map<String, Object> of(
            String id,
            String role,
            String surname,
            String givenNames,
            Object birthDate,
            String sex,
            String nationality,
            String documentNumbers,
            String bookingReference,
            boolean infant) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("role", role);
        record.put("name", surname == null ? null : ((givenNames == null ? "" : givenNames + " ") + surname).strip());
        record.put("birth_date", birthDate == null ? null : birthDate.toString());
        record.put("sex", sex);
        record.put("nationality", nationality);
        record.put("document_number", documentNumbers);
        record.put("booking_reference", bookingReference);
        record.put("infant", infant);
        return record;
    }
}
