package org.openinfusion.station.clinical.blinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.protocol.Arm;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.session.Session;
import org.openinfusion.station.clinical.session.SessionEvent;

class UnblindingServiceTest {
    @TempDir
    Path dir;

    private record Entry(String type, String actor, String session, Map<String, Object> payload) {
    }

    private final List<Entry> audit = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private Session session(Protocol p) {
        SubjectMeasures m = SubjectMeasures.weight(70);
        return Session.start(new SessionEvent.Created(clock.instant(), "nurse-1", "S-9", "KET-021", m, p.id(), p.version(),
                "KIT-0042", "bed-01"), p, DoseCalculator.plan(p.infusion(), m));
    }

    private UnblindingService service(Protocol p) throws IOException {
        Path kits = dir.resolve("kits.csv");
        Files.writeString(kits, "# randomisation list\nKIT-0041,K\nKIT-0042,P\n");
        return new UnblindingService((EncodedAudit) (t, a, s, payload) -> audit.add(new Entry(t, a, s, payload)),
                KitAssignments.load(kits, p.arms()), Set.of("unblinder"), clock);
    }

    @Test
    void anAuthorisedUnblindingWithAReasonRevealsTheArmAfterAuditingIt() throws IOException {
        Protocol p = ProtocolCatalog.builtIn().latest("ketamine-buprenorphine-double-dummy").orElseThrow();
        Arm arm = service(p).unblind(session(p), "dr-7", "unblinder", "serious adverse event: emergency treatment");
        assertEquals("P", arm.code());
        assertEquals(1, audit.size());
        assertEquals("blinding.unblinded", audit.getFirst().type());
        assertEquals("serious adverse event: emergency treatment", audit.getFirst().payload().get("reason"));
        assertFalse(audit.getFirst().payload().containsValue("P"), "the audit entry names the kit, not the arm");
    }

    @Test
    void otherRolesAreRefusedAndTheAttemptIsAudited() throws IOException {
        Protocol p = ProtocolCatalog.builtIn().latest("ketamine-buprenorphine-double-dummy").orElseThrow();
        assertThrows(SecurityException.class, () -> service(p).unblind(session(p), "nurse-1", "nurse", "curious"));
        assertEquals("blinding.unblinding_refused", audit.getFirst().type());
    }

    @Test
    void aReasonIsRequired() throws IOException {
        Protocol p = ProtocolCatalog.builtIn().latest("ketamine-buprenorphine-double-dummy").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> service(p).unblind(session(p), "dr-7", "unblinder", " "));
        assertTrue(audit.isEmpty());
    }

    @Test
    void aRandomisationListWithAnUnknownArmIsRefused() throws IOException {
        Protocol p = ProtocolCatalog.builtIn().latest("ketamine-buprenorphine-double-dummy").orElseThrow();
        Path kits = dir.resolve("bad.csv");
        Files.writeString(kits, "KIT-1,Z\n");
        IOException e = assertThrows(IOException.class, () -> KitAssignments.load(kits, p.arms()));
        assertTrue(e.getMessage().endsWith("line 1: arm code is not one of the protocol's arms"));
        assertFalse(e.getMessage().contains("Z"), "the error does not echo arm codes");
    }
}
