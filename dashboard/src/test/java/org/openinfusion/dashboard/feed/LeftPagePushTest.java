package org.openinfusion.dashboard.feed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.atmosphere.cpr.AtmosphereResource;
import org.atmosphere.cpr.Broadcaster;
import org.junit.jupiter.api.Test;

/**
 * A page left while a message pushed to it was still on its way (its write never finishes): Flow's connection waits
 * a second for it, holding the browser session's lock, before it closes; the pages' connection closes at once when the
 * page's UI is closing, and waits as Flow does otherwise.
 */
class LeftPagePushTest {
    /** A push resource whose writes never finish; {@code closed} is set when it is closed. */
    private static AtmosphereResource resource(AtomicBoolean closed) {
        Broadcaster broadcaster = (Broadcaster) Proxy.newProxyInstance(LeftPagePushTest.class.getClassLoader(), new Class<?>[] {Broadcaster.class},
                (proxy, method, args) -> method.getName().equals("broadcast") ? new CompletableFuture<>() : null);
        return (AtmosphereResource) Proxy.newProxyInstance(LeftPagePushTest.class.getClassLoader(), new Class<?>[] {AtmosphereResource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBroadcaster" -> broadcaster;
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "isResumed" -> false;
                    default -> null;
                });
    }

    /** The pages' connection of {@code ui}, connected, with a message on its way that is never written. */
    private static LeftPagePush withAMessageNeverWritten(UI ui, AtomicBoolean closed) throws Exception {
        LeftPagePush push = new LeftPagePush(ui);
        push.connect(resource(closed));
        Method send = AtmospherePushConnection.class.getDeclaredMethod("sendMessage", String.class);
        send.setAccessible(true);
        send.invoke(push, "for(;;);[{}]");
        return push;
    }

    private static long disconnectMillis(AtmospherePushConnection push) {
        long started = System.nanoTime();
        push.disconnect();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void aLeftPagesConnectionClosesAtOnceThoughItsLastMessageIsStillOnItsWay() throws Exception {
        UI ui = new UI();
        AtomicBoolean closed = new AtomicBoolean();
        LeftPagePush push = withAMessageNeverWritten(ui, closed);
        ui.close(); // the page's unload beacon

        long ms = disconnectMillis(push);

        assertTrue(ms < 500, "disconnected in " + ms + " ms, not after Flow's second");
        assertTrue(closed.get(), "the push resource is closed");
        assertFalse(push.isConnected());
    }

    @Test
    void aPageStillOpenIsDisconnectedAsFlowDoesAfterItsLastMessage() throws Exception {
        UI ui = new UI();
        AtomicBoolean closed = new AtomicBoolean();
        LeftPagePush push = withAMessageNeverWritten(ui, closed);

        long ms = disconnectMillis(push);

        assertTrue(ms >= 900, "Flow waits up to a second for the last message: " + ms + " ms");
        assertTrue(closed.get(), "the push resource is closed");
        assertFalse(push.isConnected());
    }
}
