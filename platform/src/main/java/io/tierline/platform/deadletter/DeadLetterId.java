package io.tierline.platform.deadletter;

import io.tierline.platform.problem.ProblemException;

/**
 * Where a dead letter sits on its dead-letter topic, written {@code <partition>-<offset>} (e.g. {@code 0-42}):
 * the id the ops endpoint lists, replays and records replays by.
 */
public record DeadLetterId(int partition, long offset) implements Comparable<DeadLetterId> {

    public DeadLetterId {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must not be negative");
        }
    }

    /**
     * @param field the name of the request field the text came from, for the 400 answer
     * @throws ProblemException 400 naming {@code field} unless the text is {@code <partition>-<offset>}
     */
    public static DeadLetterId parse(String text, String field) {
        String problem = "must be <partition>-<offset>, e.g. 0-42";
        if (text == null || text.length() > 40) {
            throw ProblemException.invalid(field, problem);
        }
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1 || !digits(text, 0, dash) || !digits(text, dash + 1, text.length())) {
            throw ProblemException.invalid(field, problem);
        }
        try {
            return new DeadLetterId(Integer.parseInt(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, problem);
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(DeadLetterId other) {
        int byPartition = Integer.compare(partition, other.partition);
        return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return partition + "-" + offset;
    }
}
