package org.openinfusion.station.clinical.api;

import java.time.LocalDate;
import java.util.Objects;

/** Study-visit questions on the bus: who is due on a study day, and one subject's timeline. */
public sealed interface VisitQuery {
    /** The clinic list of a study day (the site's calendar day). */
    record ClinicDay(LocalDate day) implements VisitQuery {
        public ClinicDay {
            Objects.requireNonNull(day, "day");
        }
    }

    /** A subject's timeline in a protocol, as it stands on {@code day}. */
    record Timeline(String subject, String protocolId, LocalDate day) implements VisitQuery {
        public Timeline {
            Objects.requireNonNull(day, "day");
        }
    }

    /** Every enrolled subject's timeline on a study day ({@code day} null: the station's today in the site's zone). */
    record Day(LocalDate day) implements VisitQuery {
    }

    /** The timeline of the subject a rating visit belongs to, as it stands today. */
    record Visit(String visitSessionId) implements VisitQuery {
        public Visit {
            Objects.requireNonNull(visitSessionId, "visitSessionId");
        }
    }

    /** The monitors streaming to the station, each bed's latest values with their age, for "Take from monitor" at a rating visit. */
    record Monitors(String visitSessionId) implements VisitQuery {
        public Monitors {
            Objects.requireNonNull(visitSessionId, "visitSessionId");
        }
    }
}
