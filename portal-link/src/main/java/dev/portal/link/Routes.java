package dev.portal.link;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Which handler hears which filter. Read on every message, written on (rare) subscribe and unsubscribe. */
final class Routes {
    private record Route(TopicFilter filter, MessageHandler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void add(TopicFilter filter, MessageHandler handler) {
        routes.add(new Route(filter, handler));
    }

    void remove(TopicFilter filter, MessageHandler handler) {
        routes.remove(new Route(filter, handler));
    }

    void removeAll(TopicFilter filter) {
        routes.removeIf(r -> r.filter.equals(filter));
    }

    List<MessageHandler> matching(Topic topic) {
        List<MessageHandler> found = new ArrayList<>(1);
        for (Route r : routes) {
            if (r.filter.matches(topic)) {
                found.add(r.handler);
            }
        }
        return found;
    }
}
