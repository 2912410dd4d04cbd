package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.protocol.AlarmPriority;

class AeProposalsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private static AlarmEvent raised(String id, String message, int minute) {
        return new AlarmEvent(id, AlarmEvent.Kind.RAISED, AlarmPriority.HIGH, message, T0.plusSeconds(60L * minute), "station");
    }

    private static AlarmEvent cleared(String id, int minute) {
        return new AlarmEvent(id, AlarmEvent.Kind.CLEARED, AlarmPriority.HIGH, "", T0.plusSeconds(60L * minute), "station");
    }

    private final List<AlarmEvent> twoTiersThenAnotherDip = List.of(
            raised("LIMIT:spo2:lo95", "SPO2 88 < 95", 10), raised("LIMIT:spo2:lo92", "SPO2 88 < 92", 10),
            cleared("LIMIT:spo2:lo92", 12), cleared("LIMIT:spo2:lo95", 13),
            raised("LIMIT:nibp_sys:hi180", "NIBP_SYS 186 > 180", 11), raised("LIMIT:nibp_dia:hi110", "NIBP_DIA 112 > 110", 11),
            raised("LIMIT:spo2:lo95", "SPO2 93 < 95", 30));

    @Test
    void oneDesaturationBelowTwoLimitsIsOneProposalFromTheFirstRaisingToTheLastClearing() {
        List<AeProposals.Proposal> p = AeProposals.from(twoTiersThenAnotherDip, Set.of());

        assertEquals(List.of("Oxygen saturation decreased", "Hypertension", "Oxygen saturation decreased"),
                p.stream().map(AeProposals.Proposal::term).toList(), "systolic and diastolic high together are one hypertension");
        assertEquals(new AeProposals.Proposal("LIMIT:spo2:lo95@" + T0.plusSeconds(600), "Oxygen saturation decreased", T0.plusSeconds(600),
                Optional.of(T0.plusSeconds(780)), "SPO2 88 < 95"), p.getFirst());
        assertEquals(Optional.empty(), p.get(1).end(), "still raised: ongoing");
    }

    @Test
    void confirmingAnyAlarmOfAnEpisodeConfirmsTheWholeEpisodeButNotALaterOne() {
        List<AeProposals.Proposal> p = AeProposals.from(twoTiersThenAnotherDip,
                Set.of("LIMIT:spo2:lo92@" + T0.plusSeconds(600), "LIMIT:nibp_dia:hi110@" + T0.plusSeconds(660)));

        assertEquals(List.of(T0.plusSeconds(1800)), p.stream().map(AeProposals.Proposal::start).toList());
    }
}
