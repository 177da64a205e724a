package dev.portal.portalctl.link;

/** MQTT topic filter matching ({@code +} one level, {@code #} the rest). */
public final class TopicFilter {
    private TopicFilter() {
    }

    public static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** The level at {@code index} of a topic (e.g. the device id of portal/{id}/evt at 1). */
    public static String level(String topic, int index) {
        String[] t = topic.split("/");
        return index < t.length ? t[index] : "";
    }
}
