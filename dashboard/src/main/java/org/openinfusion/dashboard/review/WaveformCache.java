package org.openinfusion.dashboard.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.domain.Stream;

/**
 * The stored waveform windows of one record page, asked of the station before they are clicked, so that a click on an
 * alarm or marker draws its ECG and pleth from the page's memory instead of waiting for the station (docs/performance.md,
 * "Review"). When the record's timeline is drawn, the windows of its first {@value #PREFETCH_EVENTS} alarms and markers are
 * asked for one after the other (one request out at a time, so the station's review worker is never flooded and a click's own
 * request waits behind at most one); the pointer resting on an event line asks for that event's windows next. A click
 * asks at once for what is neither here nor on its way, and waits for a window already asked for instead of asking again;
 * while a click waits for a window, nothing more is asked ahead (so the click's windows are the station's next answers).
 * At most {@value #CAPACITY} windows are kept, each packed as it is sent to the browser ({@link WaveformTrace.Packed}),
 * least recently used first out. Used under the UI lock only (the station's answers come through {@code ui.access}).
 */
final class WaveformCache {
    /** Windows kept per page: ECG and pleth of 32 events, about 2 MB of packed samples. */
    static final int CAPACITY = 64;
    /** Events whose windows are asked for when the record is shown. */
    static final int PREFETCH_EVENTS = CAPACITY / 2;

    /** A window: the stream and its moment (the window spans {@code side} either side of it). */
    record Key(Stream stream, Instant at) {
    }

    private record Waiter(Consumer<WaveformTrace.Packed> done, Consumer<String> failed) {
    }

    private final Supplier<ReviewClient> client;
    private final String sessionId;
    private final Duration side;
    private final Map<Key, WaveformTrace.Packed> windows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, WaveformTrace.Packed> eldest) {
            return size() > CAPACITY;
        }
    };
    /** Windows asked of the station and not answered yet, with whoever waits for them. */
    private final Map<Key, List<Waiter>> asked = new HashMap<>();
    /** Windows to ask for ahead of a click, next first. */
    private final Deque<Key> ahead = new ArrayDeque<>();
    /** The window asked ahead that is on its way, if any (one at a time). */
    private Key aheadOut;
    /**
     * Windows a click waits for that are not here yet: while any is, nothing more is asked ahead, so that the station's
     * review worker (one request at a time) answers the click's windows next, never after a queue of windows asked ahead.
     */
    private final Set<Key> clicked = new HashSet<>();
    private Stream lead = Stream.ECG_II;
    private int requests;
    private int hits;

    WaveformCache(Supplier<ReviewClient> client, String sessionId, Duration side) {
        this.client = client;
        this.sessionId = sessionId;
        this.side = side;
    }

    /** The ECG lead asked for ahead (the dialog's choice). */
    void lead(Stream ecgLead) {
        lead = ecgLead;
    }

    /** Asks for the ECG and pleth around each of {@code moments} (the first {@value #PREFETCH_EVENTS}), one after the other. */
    void prefetch(List<Instant> moments) {
        for (Instant at : moments.subList(0, Math.min(moments.size(), PREFETCH_EVENTS))) {
            for (Key k : keys(at)) {
                if (!windows.containsKey(k) && !asked.containsKey(k) && !ahead.contains(k)) {
                    ahead.addLast(k);
                }
            }
        }
        askAhead();
    }

    /** Asks for nothing more ahead (the page closed); a request on its way is still answered. */
    void stop() {
        ahead.clear();
    }

    /** Asks for the ECG and pleth around {@code at} next (the pointer rests on its event). */
    void prefer(Instant at) {
        List<Key> keys = keys(at);
        for (Key k : keys.reversed()) {
            if (!windows.containsKey(k) && !asked.containsKey(k)) {
                ahead.remove(k);
                ahead.addFirst(k);
            }
        }
        askAhead();
    }

    /** Gives the window at once when it is here, else when the station answers (one request per window). */
    void get(Key k, Consumer<WaveformTrace.Packed> done, Consumer<String> failed) {
        WaveformTrace.Packed here = windows.get(k);
        if (here != null) {
            hits++;
            done.accept(here);
            return;
        }
        ahead.remove(k);
        clicked.add(k); // asked ahead no more until it is here
        List<Waiter> waiting = asked.get(k);
        if (waiting != null) {
            waiting.add(new Waiter(done, failed));
            return;
        }
        asked.put(k, new ArrayList<>(List.of(new Waiter(done, failed))));
        ask(k);
    }

    /** Whether the window is in the page. */
    boolean has(Key k) {
        return windows.containsKey(k);
    }

    /** Requests sent to the station so far, for tests. */
    int requests() {
        return requests;
    }

    /** Windows given from the page's memory so far, for tests. */
    int hits() {
        return hits;
    }

    private List<Key> keys(Instant at) {
        return List.of(new Key(lead, at), new Key(Stream.PLETH, at));
    }

    private void askAhead() {
        if (aheadOut != null || !clicked.isEmpty() || ahead.isEmpty()) {
            return;
        }
        aheadOut = ahead.removeFirst();
        asked.put(aheadOut, new ArrayList<>());
        ask(aheadOut);
    }

    private void ask(Key k) {
        requests++;
        client.get().waveform(new ReviewRequest.Waveform(sessionId, k.stream(), k.at(), side, side), w -> answered(k, w),
                message -> failed(k, message));
    }

    private void answered(Key k, WaveformWindow w) {
        WaveformTrace.Packed packed = WaveformTrace.pack(w, k.at());
        if (w.problem() == null) {
            // a problem (the store unreachable) is shown, not kept: the next click asks again
            windows.put(k, packed);
        }
        List<Waiter> waiting = asked.remove(k);
        if (waiting != null) {
            waiting.forEach(x -> x.done().accept(packed));
        }
        next(k);
    }

    private void failed(Key k, String message) {
        List<Waiter> waiting = asked.remove(k);
        if (waiting != null) {
            waiting.forEach(x -> x.failed().accept(message));
        }
        next(k);
    }

    private void next(Key k) {
        clicked.remove(k);
        if (k.equals(aheadOut)) {
            aheadOut = null;
        }
        askAhead();
    }
}
