package org.orderly.stream;

/**
 * A message on the crossings topic that is not a crossing: where it is (topic, partition, offset), what is wrong
 * ({@code problem}, with the column and field where one is at fault) and the start of the text received. Reported in
 * the job's output beside the stay events, never silently dropped, and never a reason to stop the job.
 */
public record MalformedCrossing(
        String topic, int partition, long offset, int column, String field, String problem, String text) {
    /** How much of a malformed message is kept in the report. */
    static final int KEPT_CHARACTERS = 300;

    public MalformedCrossing {
        text = text == null ? null : text.length() > KEPT_CHARACTERS ? text.substring(0, KEPT_CHARACTERS) + "…" : text;
    }

    /** "topic crossings partition 0 offset 17 column 3 (at): '…' is not an ISO-8601 instant …". */
    public String message() {
        StringBuilder message = new StringBuilder(where(topic, partition, offset));
        if (column > 0) message.append(" column ").append(column);
        if (field != null) message.append(" (").append(field).append(')');
        return message.append(": ").append(problem).toString();
    }

    static String where(String topic, int partition, long offset) {
        return "topic " + topic + " partition " + partition + " offset " + offset;
    }
}
