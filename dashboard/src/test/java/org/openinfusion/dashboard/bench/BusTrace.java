package org.openinfusion.dashboard.bench;

import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The station's side of the review page's requests, for the review benchmark: each request to a {@code station.review.*}
 * address is noted when it is sent (the sender's thread), when the review worker starts on it (the bus's inbound
 * interceptors run on the consumer's context, just before its handler) and when it is answered (the reply's send), in
 * wall-clock milliseconds (the page's {@code performance.timeOrigin + performance.now()} reads the same clock). So an
 * open's wait behind other requests on the one review worker is seen apart from its own work.
 */
final class BusTrace {
    private static final String REVIEW = "station.review.";

    /** One request: its address (without "station.review."), sent, started and answered (ms since the epoch; 0: not yet). */
    static final class Request {
        final String address;
        final long sent;
        volatile long started;
        volatile long answered;

        Request(String address, long sent) {
            this.address = address;
            this.sent = sent;
        }

        long queued() {
            return started == 0 ? -1 : started - sent;
        }

        long worked() {
            return started == 0 || answered == 0 ? -1 : answered - started;
        }
    }

    private final Map<String, Request> byReply = new ConcurrentHashMap<>();
    private final List<Request> all = Collections.synchronizedList(new ArrayList<>());

    private BusTrace() {
    }

    /** Notes every review request on {@code bus} from now on. */
    static BusTrace install(EventBus bus) {
        BusTrace t = new BusTrace();
        bus.addOutboundInterceptor(t::outbound);
        bus.addInboundInterceptor(t::inbound);
        return t;
    }

    private void outbound(DeliveryContext<Object> c) {
        try {
            String address = c.message().address();
            String reply = c.message().replyAddress();
            if (address != null && address.startsWith(REVIEW) && reply != null) {
                Request r = new Request(address.substring(REVIEW.length()), System.currentTimeMillis());
                byReply.put(reply, r);
                all.add(r);
            } else if (address != null) {
                Request r = byReply.remove(address);
                if (r != null) {
                    r.answered = System.currentTimeMillis();
                }
            }
        } finally {
            c.next();
        }
    }

    private void inbound(DeliveryContext<Object> c) {
        try {
            String address = c.message().address();
            String reply = c.message().replyAddress();
            if (address != null && address.startsWith(REVIEW) && reply != null) {
                Request r = byReply.get(reply);
                if (r != null && r.started == 0) {
                    r.started = System.currentTimeMillis();
                }
            }
        } finally {
            c.next();
        }
    }

    /** The requests sent from {@code from} to {@code to} (ms since the epoch), in order. */
    List<Request> sent(long from, long to) {
        synchronized (all) {
            return all.stream().filter(r -> r.sent >= from && r.sent <= to).toList();
        }
    }

    /** The requests sent before {@code at} and not answered by then (on their way or queued on the review worker). */
    List<Request> outstanding(long at) {
        synchronized (all) {
            return all.stream().filter(r -> r.sent < at && (r.answered == 0 || r.answered > at)).toList();
        }
    }

    /**
     * One open's line: its first {@code record} request (queued, worked, answered relative to {@code origin}), and what was
     * ahead of it on the review worker when it was sent (by address, with how long each still took after the open's send).
     */
    String open(long origin, long to) {
        Request record = sent(origin, to).stream().filter(r -> r.address.equals("record")).findFirst().orElse(null);
        if (record == null) {
            return "no record request seen";
        }
        Map<String, Integer> ahead = new TreeMap<>();
        long behind = 0;
        for (Request r : outstanding(record.sent)) {
            ahead.merge(r.address, 1, Integer::sum);
            if (r.answered > record.sent) {
                behind = Math.max(behind, Math.min(r.answered, record.started == 0 ? r.answered : record.started) - record.sent);
            }
        }
        Map<String, Integer> during = new TreeMap<>();
        sent(origin, to).forEach(r -> during.merge(r.address, 1, Integer::sum));
        return String.format(Locale.ROOT, "record request sent %,d ms, on the review worker after %,d ms queued, worked %,d ms, answered %,d ms; "
                        + "ahead of it when sent: %s (the last of them done %,d ms after its send); review requests sent during the open: %s",
                record.sent - origin, record.queued(), record.worked(), record.answered == 0 ? -1 : record.answered - origin,
                ahead.isEmpty() ? "nothing" : ahead.toString(), behind, during);
    }

    /** How many review requests of each address were sent from {@code from} to {@code to}. */
    String counts(long from, long to) {
        Map<String, Integer> by = new TreeMap<>();
        sent(from, to).forEach(r -> by.merge(r.address, 1, Integer::sum));
        return by.toString();
    }
}
