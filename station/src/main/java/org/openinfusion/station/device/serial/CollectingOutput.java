package org.openinfusion.station.device.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.ProblemCounters;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.domain.Observation;

/** Gathers one step's output of a session: observations and bytes to send; problems go straight to the counters. */
final class CollectingOutput implements SessionOutput {
    private final ProblemCounters problems;
    final List<Observation> observations = new ArrayList<>();
    final List<byte[]> toSend = new ArrayList<>();
    /** Streams (wire keys) that reported "no value" in this step. */
    final Set<String> noValue = new TreeSet<>();

    CollectingOutput(ProblemCounters problems) {
        this.problems = problems;
    }

    @Override
    public void observation(Observation o) {
        observations.add(o);
    }

    @Override
    public void send(byte[] bytes) {
        toSend.add(bytes.clone());
    }

    @Override
    public void problem(Problem kind, String detail) {
        problems.count(kind, detail);
        int colon = detail.indexOf(':');
        if (kind == Problem.NO_VALUE && colon > 0) {
            noValue.add(detail.substring(0, colon));
        }
    }

    void clear() {
        observations.clear();
        toSend.clear();
        noValue.clear();
    }
}
