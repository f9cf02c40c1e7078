package org.orderly.border.record;

/** A field of a border record that breaks its rule: which field, and what is wrong (the message says both). */
public final class FieldException extends IllegalArgumentException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String field;

    public FieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The field as the record's columns name it ({@code document_number}, {@code issuing_state}…). */
    public String field() {
        return field;
    }
}
