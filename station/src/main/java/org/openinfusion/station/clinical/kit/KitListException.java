package org.openinfusion.station.clinical.kit;

import java.util.List;

/** A kit list that cannot be used: every problem, each naming its file and line. */
public final class KitListException extends IllegalArgumentException {
    private final List<String> problems;

    public KitListException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
