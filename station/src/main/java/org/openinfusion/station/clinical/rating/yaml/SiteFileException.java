package org.openinfusion.station.clinical.rating.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** The site wording file cannot be used; every problem names the file, the key and what is wrong. */
public final class SiteFileException extends RuntimeException {
    private final transient List<SiteProblem> problems;

    public SiteFileException(List<SiteProblem> problems) {
        super(problems.stream().map(SiteProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SiteProblem> problems() {
        return problems;
    }
}
