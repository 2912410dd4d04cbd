package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Follows a download link without a browser: runs its handler against a response that keeps what is written. */
final class Downloads {
    /** What the browser would receive. */
    record Received(int status, Map<String, String> headers, byte[] body) {
    }

    private Downloads() {
    }

    static Received fetch(ExportDownload handler, Component owner) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> headers = new HashMap<>();
        int[] status = {200};
        VaadinResponse response = (VaadinResponse) Proxy.newProxyInstance(Downloads.class.getClassLoader(), new Class<?>[] {VaadinResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> body;
                    case "setHeader", "addHeader" -> {
                        headers.put(String.valueOf(args[0]), String.valueOf(args[1]));
                        yield null;
                    }
                    case "setContentType" -> {
                        headers.put("Content-Type", String.valueOf(args[0]));
                        yield null;
                    }
                    case "setStatus" -> {
                        status[0] = (Integer) args[0];
                        yield null;
                    }
                    case "containsHeader" -> headers.containsKey(String.valueOf(args[0]));
                    default -> defaultOf(method.getReturnType());
                });
        handler.handleDownloadRequest(new DownloadEvent(null, response, VaadinSession.getCurrent(), owner.getElement()));
        return new Received(status[0], headers, body.toByteArray());
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == int.class ? 0 : null;
    }
}
