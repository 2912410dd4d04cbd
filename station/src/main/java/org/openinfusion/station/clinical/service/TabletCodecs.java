package org.openinfusion.station.clinical.service;

import java.util.List;
import org.openinfusion.station.bus.LocalMessages;
import org.openinfusion.station.clinical.api.TabletRequest;

/** The patient tablet's messages on the bus. */
public final class TabletCodecs implements LocalMessages {
    @Override
    public List<Class<?>> types() {
        return List.of(TabletRequest.HandOver.class, TabletRequest.HandOverVisit.class, TabletRequest.Unlock.class, TabletRequest.UnlockAsStaff.class,
                TabletRequest.Lock.class, TabletRequest.StillInUse.class, TabletRequest.Code.class, TabletRequest.Unlocked.class);
    }
}
