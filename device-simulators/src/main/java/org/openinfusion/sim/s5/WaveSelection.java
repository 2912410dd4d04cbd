package org.openinfusion.sim.s5;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which requested waves the monitor streams: known ids in request order, each taken only if the
 * total rate stays within the budget, at most 8; unknown ids, repeats and waves over budget are skipped.
 */
final class WaveSelection {

    private static final Logger LOG = LoggerFactory.getLogger(WaveSelection.class);
    private static final int MAX_WAVES = 8;

    private WaveSelection() {
    }

    static List<WaveId> select(List<Integer> requestedIds, int budget) {
        List<WaveId> chosen = new ArrayList<>(requestedIds.size());
        int rate = 0;
        for (int id : requestedIds) {
            Optional<WaveId> wave = WaveId.of(id);
            if (wave.isEmpty() || chosen.contains(wave.get())) {
                LOG.info("wave id {} not streamed: unknown to this simulator or repeated", id);
            } else if (rate + wave.get().rate() > budget || chosen.size() == MAX_WAVES) {
                LOG.info("wave {} not streamed: over the budget of {} samples/s", wave.get(), budget);
            } else {
                chosen.add(wave.get());
                rate += wave.get().rate();
            }
        }
        return chosen;
    }
}
