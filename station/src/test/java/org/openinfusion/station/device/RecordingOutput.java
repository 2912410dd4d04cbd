package org.openinfusion.station.device;

import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.domain.Observation;

/** Test output: keeps everything a session produced. */
public final class RecordingOutput implements SessionOutput {
    public final List<Observation> observations = new ArrayList<>();
    public final List<byte[]> sent = new ArrayList<>();
    public final List<Problem> problems = new ArrayList<>();
    public final List<String> details = new ArrayList<>();

    @Override
    public void observation(Observation o) {
        observations.add(o);
    }

    @Override
    public void send(byte[] bytes) {
        sent.add(bytes.clone());
    }

    @Override
    public void problem(Problem kind, String detail) {
        problems.add(kind);
        details.add(kind + " " + detail);
    }

    public long count(Problem kind) {
        return problems.stream().filter(p -> p == kind).count();
    }
}
